import type { Resource } from '@opentelemetry/resources';
import type { ResourceConfig, TelemetryConfig } from '@proc/telemetry-config';
import {
  createProcessorResource,
  createResource,
  type ProcessorOptions,
} from '@proc/telemetry-resource';

/**
 * The `resource` section as the resource builder should read it. The config attaches
 * non-enumerable redacting printers (`toJSON`, `toString`, `util.inspect.custom`) to each
 * object, and the builder walks every own key (`Reflect.ownKeys`), so it would drop them with
 * three warnings; a spread keeps just the attributes.
 */
function plainResourceSection(resource: ResourceConfig, detect: boolean): ResourceConfig {
  return {
    attributes: { ...resource.attributes },
    detectors: detect ? [...resource.detectors] : [],
  };
}

/**
 * The resource from the `service` and `resource` sections, plus the `processor.*` attributes
 * when `processor` is given. `detect: false` skips the detectors (the disabled SDK does no work).
 */
export function buildResource(
  config: TelemetryConfig,
  processor: ProcessorOptions | undefined,
  detect: boolean,
): Promise<Resource> {
  const resource = plainResourceSection(config.resource, detect);
  if (processor === undefined) return createResource(config.service, resource);
  return createProcessorResource({ service: config.service, resource, processor });
}
