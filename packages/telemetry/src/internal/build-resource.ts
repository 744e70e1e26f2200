import type { Resource } from '@opentelemetry/resources';
import type { ResourceConfig, TelemetryConfig } from '@proc/telemetry-config';
import {
  createProcessorResource,
  createResource,
  type ProcessorOptions,
} from '@proc/telemetry-resource';

/**
 * The resource from the `service` and `resource` sections, plus the `processor.*` attributes
 * when `processor` is given. `detect: false` skips the detectors (the disabled SDK does no work).
 */
export function buildResource(
  config: TelemetryConfig,
  processor: ProcessorOptions | undefined,
  detect: boolean,
): Promise<Resource> {
  const resource: ResourceConfig = detect ? config.resource : { ...config.resource, detectors: [] };
  if (processor === undefined) return createResource(config.service, resource);
  return createProcessorResource({ service: config.service, resource, processor });
}
