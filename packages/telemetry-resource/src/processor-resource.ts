import type { Resource } from '@opentelemetry/resources';
import { logger } from './internal/diag.js';
import { sanitizeAttribute } from './internal/sanitize-attributes.js';
import {
  ATTR_PROCESSOR_NAME,
  ATTR_PROCESSOR_PARTITIONS,
  ATTR_PROCESSOR_PIPELINE_ID,
  ATTR_PROCESSOR_PIPELINE_STAGE,
  ATTR_PROCESSOR_WORKER_ID,
} from './processor-attributes.js';
import { ResourceBuilder } from './resource-builder.js';
import type { AttributeValue, ProcessorOptions, ProcessorResourceOptions } from './types.js';

/**
 * The resource for one stream-processor worker: the service resource (config sections, the
 * detectors) plus `processor.name`, `processor.pipeline.id`, `processor.pipeline.stage`,
 * `processor.worker.id` and `processor.partitions`, which take code precedence.
 *
 * @throws TypeError when `processor.name` is missing or empty. Other invalid values are dropped
 * with a `diag.warn`.
 *
 * @example
 * ```ts
 * const resource = await createProcessorResource({
 *   service: config.service,
 *   resource: config.resource,
 *   processor: { name: 'order-enricher', pipelineId: 'orders', workerId: '3', partitions: [6, 7] },
 * });
 * ```
 */
export function createProcessorResource(options: ProcessorResourceOptions): Promise<Resource> {
  const name = options.processor?.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(
      '@proc/telemetry-resource: createProcessorResource needs processor.name, a non-empty string',
    );
  }
  const builder = new ResourceBuilder(options);
  if (options.service !== undefined || options.resource !== undefined) {
    builder.withConfig(options.service, options.resource);
  }
  if (options.attributes !== undefined) builder.withAttributes(options.attributes);
  return builder.withAttributes(processorAttributes(options.processor)).build();
}

function processorAttributes(processor: ProcessorOptions): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  const set = (key: string, value: unknown) => {
    if (value === undefined) return;
    const checked = sanitizeAttribute(key, value, 'processor options');
    if (checked !== undefined) attributes[key] = checked;
  };
  set(ATTR_PROCESSOR_NAME, processor.name);
  set(ATTR_PROCESSOR_PIPELINE_ID, processor.pipelineId);
  set(ATTR_PROCESSOR_PIPELINE_STAGE, processor.pipelineStage);
  set(ATTR_PROCESSOR_WORKER_ID, processor.workerId);
  if (processor.partitions !== undefined) {
    const partitions = processor.partitions;
    if (
      Array.isArray(partitions) &&
      partitions.every((partition) => Number.isInteger(partition) && partition >= 0)
    ) {
      set(ATTR_PROCESSOR_PARTITIONS, [...partitions]);
    } else {
      logger.warn(
        `dropped resource attribute "${ATTR_PROCESSOR_PARTITIONS}" (from processor options): ` +
          'partitions must be an array of non-negative integers',
      );
    }
  }
  return attributes;
}
