import type { ResourceDetectorName } from '../types.js';
import type { EnvReader } from './env-reader.js';
import { DETECTORS, EXPECTED } from './fields.js';

/** The variable NodeSDK reads the resource detectors from. */
const VARIABLE = 'OTEL_NODE_RESOURCE_DETECTORS';

/**
 * `OTEL_NODE_RESOURCE_DETECTORS`, read as NodeSDK reads it: a comma list of detector names,
 * `all` (every detector, and it wins) or `none` (no detector). An unknown name (a cloud detector
 * this package does not ship, a typo) is reported and skipped; a list with no known name leaves
 * the detectors to the next source.
 * https://opentelemetry.io/docs/zero-code/js/configuration/#sdk-resource-detector-configuration
 */
export function readDetectors(r: EnvReader): ResourceDetectorName[] | undefined {
  const value = r.raw(VARIABLE);
  if (value === undefined) return undefined;
  const entries = value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  if (entries.includes('all')) return [...DETECTORS];
  if (entries.includes('none')) return [];
  const known: ResourceDetectorName[] = [];
  for (const entry of entries) {
    const found = DETECTORS.find((name) => name === entry);
    if (found === undefined)
      r.reject(VARIABLE, entry, EXPECTED.oneOf([...DETECTORS, 'all', 'none']));
    else if (!known.includes(found)) known.push(found);
  }
  return known.length > 0 ? known : undefined;
}
