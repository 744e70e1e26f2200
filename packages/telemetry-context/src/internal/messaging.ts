import {
  type Attributes,
  type Context,
  context as contextApi,
  isSpanContextValid,
  ROOT_CONTEXT,
  type SpanContext,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import {
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
} from '@proc/telemetry-semconv';
import { extractContext } from '../extract-context.js';
import type { HeaderCarrier, MessageLike, MessageSpanOptions } from '../types.js';

const TRACER_NAME = '@proc/telemetry-context';

export function tracerOf(options: { tracer?: Tracer }): Tracer {
  return options.tracer ?? trace.getTracer(TRACER_NAME);
}

export function baseContextOf(options: { context?: Context }): Context {
  return options.context ?? contextApi.active();
}

/** The producer span context propagated in a message's headers, if valid. */
export function producerSpanContext<T>(
  message: T,
  options: MessageSpanOptions<T>,
): SpanContext | undefined {
  const headers: HeaderCarrier | null | undefined = options.getHeaders
    ? options.getHeaders(message)
    : (message as MessageLike | undefined)?.headers;
  if (!headers) return undefined;
  // Extract onto the root context: only what the message carries counts.
  const extracted = trace.getSpanContext(
    extractContext(headers, ROOT_CONTEXT, { propagator: options.propagator }),
  );
  return extracted && isSpanContextValid(extracted) ? extracted : undefined;
}

/** The span name (`process <destination>`) and attributes of a processing span. */
export function processSpanBasics<T>(options: MessageSpanOptions<T>): {
  name: string;
  attributes: Attributes;
} {
  const attributes: Attributes = {
    [ATTR_MESSAGING_SYSTEM]: options.system,
    [ATTR_MESSAGING_OPERATION_NAME]: MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
    [ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
    ...options.attributes,
  };
  if (options.destination !== undefined) {
    attributes[ATTR_MESSAGING_DESTINATION_NAME] = options.destination;
  }
  const name =
    options.destination === undefined
      ? MESSAGING_OPERATION_TYPE_VALUE_PROCESS
      : `${MESSAGING_OPERATION_TYPE_VALUE_PROCESS} ${options.destination}`;
  return { name, attributes };
}
