import {
  hostDetector,
  osDetector,
  processDetector,
  type ResourceDetector,
} from '@opentelemetry/resources';
import { createContainerDetector } from '../container-detector.js';
import type { ContainerDetectorOptions, ResourceDetectorName } from '../types.js';

/** Every detector name, in the order they run by default. */
export const ALL_DETECTORS: readonly ResourceDetectorName[] = [
  'env',
  'host',
  'os',
  'process',
  'container',
];

/**
 * Maps detector names to detectors. `env` maps to none: the SDK's `envDetector` reads
 * `process.env`, and in this workspace only `@proc/telemetry-config` reads the environment
 * (it has already folded `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME` into the config).
 * An unknown name is a programming error and throws, naming the accepted ones.
 */
export function resolveDetectors(
  names: readonly ResourceDetectorName[],
  container: ContainerDetectorOptions = {},
): ResourceDetector[] {
  const detectors: ResourceDetector[] = [];
  for (const name of names) {
    switch (name) {
      case 'env':
        break;
      case 'host':
        detectors.push(hostDetector);
        break;
      case 'os':
        detectors.push(osDetector);
        break;
      case 'process':
        detectors.push(processDetector);
        break;
      case 'container':
        detectors.push(createContainerDetector(container));
        break;
      default:
        throw new TypeError(
          `@proc/telemetry-resource: unknown resource detector ${JSON.stringify(name)}; ` +
            `expected one of ${ALL_DETECTORS.join(', ')}`,
        );
    }
  }
  return detectors;
}
