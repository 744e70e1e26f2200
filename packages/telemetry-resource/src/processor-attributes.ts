/*
 * Resource attribute keys describing one stream-processor instance. There is no OpenTelemetry
 * semantic convention for stream-processing workers, so these live under our own `processor.`
 * namespace; they are set by `createProcessorResource`.
 */

/** Logical name of the processor, e.g. `order-enricher`. Type: string. */
export const ATTR_PROCESSOR_NAME = 'processor.name' as const;
/** Id of the pipeline the processor runs in, e.g. `orders-v2`. Type: string. */
export const ATTR_PROCESSOR_PIPELINE_ID = 'processor.pipeline.id' as const;
/** Stage of the pipeline this processor implements, e.g. `enrich`. Type: string. */
export const ATTR_PROCESSOR_PIPELINE_STAGE = 'processor.pipeline.stage' as const;
/** Id of this worker among the processor's replicas, e.g. `3` or a pod name. Type: string. */
export const ATTR_PROCESSOR_WORKER_ID = 'processor.worker.id' as const;
/** Input partitions assigned to this worker at start-up. Type: int[]. */
export const ATTR_PROCESSOR_PARTITIONS = 'processor.partitions' as const;
