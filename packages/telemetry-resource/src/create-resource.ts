import type { Resource } from '@opentelemetry/resources';
import { ResourceBuilder } from './resource-builder.js';
import type { ResourceBuilderOptions, ResourceConfig, ServiceConfig } from './types.js';

/**
 * The resource for a resolved configuration: runs the detectors named in
 * `resource.detectors` and merges defaults < detected < config, with every attribute settled.
 * Shorthand for `new ResourceBuilder(options).withConfig(service, resource).build()`; see
 * {@link ResourceBuilder} for the merge rules.
 *
 * @example
 * ```ts
 * const config = loadConfig();
 * const resource = await createResource(config.service, config.resource);
 * ```
 */
export function createResource(
  service: ServiceConfig,
  resource: ResourceConfig,
  options: ResourceBuilderOptions = {},
): Promise<Resource> {
  return new ResourceBuilder(options).withConfig(service, resource).build();
}
