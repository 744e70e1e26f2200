import { detectResources, type Resource } from '@opentelemetry/resources';
import { ALL_DETECTORS, resolveDetectors } from './internal/detectors.js';
import { settleResource } from './internal/settle-resource.js';
import { checkTimeout } from './internal/timeout.js';
import type { DetectResourceOptions } from './types.js';

/**
 * Runs the named resource detectors and waits, up to `timeoutMillis`, for their asynchronous
 * attributes (`host.id` outside Linux; on Linux it and `container.id` are read synchronously),
 * so every attribute of the returned resource is settled. An attribute a detector cannot determine is absent; nothing here throws for a
 * missing file or an unsupported platform.
 *
 * This is only the detected layer: no defaults, config or code attributes. Use
 * {@link ResourceBuilder} or {@link createResource} for the merged resource.
 *
 * @throws TypeError for an unknown detector name; RangeError for a negative timeout.
 *
 * @example
 * ```ts
 * const detected = await detectResource({ detectors: ['host', 'os'] });
 * detected.attributes['host.name']; // os.hostname()
 * ```
 */
export async function detectResource(options: DetectResourceOptions = {}): Promise<Resource> {
  const timeoutMillis = checkTimeout('timeoutMillis', options.timeoutMillis);
  const detectors = resolveDetectors(options.detectors ?? ALL_DETECTORS, options.container);
  return settleResource(detectResources({ detectors }), timeoutMillis);
}
