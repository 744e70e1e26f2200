export { createContainerDetector } from './container-detector.js';
export { createResource } from './create-resource.js';
export { detectResource } from './detect-resource.js';
export {
  ATTR_PROCESSOR_NAME,
  ATTR_PROCESSOR_PARTITIONS,
  ATTR_PROCESSOR_PIPELINE_ID,
  ATTR_PROCESSOR_PIPELINE_STAGE,
  ATTR_PROCESSOR_WORKER_ID,
} from './processor-attributes.js';
export { createProcessorResource } from './processor-resource.js';
export { ResourceBuilder } from './resource-builder.js';
export type {
  ContainerDetectorOptions,
  DetectResourceOptions,
  ProcessorOptions,
  ProcessorResourceOptions,
  ResourceBuilderOptions,
} from './types.js';
