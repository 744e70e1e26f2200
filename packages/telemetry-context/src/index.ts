export { bindContext, propagateContext, withContext } from './async-context.js';
export { getBaggage, removeBaggage, setBaggage } from './baggage.js';
export { createBaggageSpanProcessor } from './baggage-span-processor.js';
export { startBatchProcessSpan } from './batch-process-span.js';
export { createContextManager } from './context-manager.js';
export { createPropagator } from './create-propagator.js';
export { extractContext, extractFromHeaders } from './extract-context.js';
export { headerGetterSetter } from './header-getter-setter.js';
export { injectContext, injectIntoHeaders } from './inject-context.js';
export { startMessageProcessSpan } from './message-process-span.js';
export { currentTraceIds } from './trace-ids.js';
export type {
  BaggageItem,
  BaggageSpanProcessorOptions,
  BatchProcessSpanOptions,
  HeaderCarrier,
  HeadersOptions,
  HeaderValue,
  MessageHeaderList,
  MessageLike,
  MessageProcessSpanOptions,
  MessageSpanOptions,
  ProcessSpanScope,
  PropagationOptions,
  TraceIds,
} from './types.js';
