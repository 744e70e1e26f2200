import { osDetector, processDetector, type ResourceDetector } from '@opentelemetry/resources';
import { createContainerDetector } from '../container-detector.js';
import type { ContainerDetectorOptions, ResourceDetectorName } from '../types.js';
import { createHostDetector } from './host-detector.js';

/** The detectors that run by default, in order. */
export const ALL_DETECTORS: readonly ResourceDetectorName[] = [
  'env',
  'host',
  'os',
  'process',
  'container',
];

/** Every detector name accepted, as NodeSDK names them (`OTEL_NODE_RESOURCE_DETECTORS`). */
const DETECTOR_NAMES: readonly ResourceDetectorName[] = [...ALL_DETECTORS, 'serviceinstance'];

/**
 * Maps detector names to detectors. `env` maps to none: the SDK's `envDetector` reads
 * `process.env`, and in this workspace only `@proc/telemetry-config` reads the environment
 * (it has already folded `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME` into the config).
 * `serviceinstance` maps to none either: the config always holds `service.instance.id` (a
 * random UUID per process unless set), which the SDK's detector would draw.
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
      case 'serviceinstance':
        break;
      case 'host':
        detectors.push(createHostDetector());
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
            `expected one of ${DETECTOR_NAMES.join(', ')}`,
        );
    }
  }
  return detectors;
}
