import {
  type Attributes,
  context,
  ROOT_CONTEXT,
  SpanKind,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { extractFromHeaders, getBaggage, startMessageProcessSpan } from '@proc/telemetry';
import type { Logger } from '../logger.js';
import type { QueueMessage } from '../types.js';
import {
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  CHAIN_BAGGAGE_KEYS,
  MESSAGING_SYSTEM_VALUE_KAFKA,
  SPAN_PROCESS_EVENT,
} from './kafka-conventions.js';

/** Handles the records the chain relay wrote: one at a time, each continuing its own trace. */
export interface ChainConsumer {
  process(message: QueueMessage): void;
  readonly processed: number;
}

/**
 * The Node end of the Node → Python → Node chain. Each record is one request that began in the
 * producer process and passed through the Python relay, so its processing continues that trace:
 * the relay's `send chain` span (from the record headers) is the parent, not a link as for the
 * event batches. The baggage the request started with comes along in the same headers; the keys
 * of {@link CHAIN_BAGGAGE_KEYS} (and only those: baggage may hold what must not reach telemetry)
 * are set on the span as `baggage.<key>`, as the relay does on its spans.
 *
 * With the kafkajs instrumentation on, its own `process chain` span (kind `CONSUMER`, linked to
 * the relay's span) already stands for the record, so this span is an internal one, still a
 * child of the relay's span.
 */
export function createChainConsumer(options: {
  topic: string;
  group: string;
  instrumented: boolean;
  logger: Logger;
  tracer?: Tracer;
}): ChainConsumer {
  const tracer = options.tracer ?? trace.getTracer('@proc/demo-processor');
  let processed = 0;
  return {
    process(message) {
      // The relay's context and the request's baggage, from the record headers alone.
      const incoming = extractFromHeaders(message.headers, { context: ROOT_CONTEXT });
      const attributes: Attributes = {
        [ATTR_MESSAGING_CONSUMER_GROUP_NAME]: options.group,
        [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(message.partition),
        [ATTR_MESSAGING_KAFKA_OFFSET]: message.offset,
        'messaging.kafka.message.key': message.key,
      };
      for (const item of getBaggage(incoming)) {
        if ((CHAIN_BAGGAGE_KEYS as readonly string[]).includes(item.key))
          attributes[`baggage.${item.key}`] = item.value;
      }
      const { span, context: spanContext } = options.instrumented
        ? (() => {
            const internal = tracer.startSpan(
              SPAN_PROCESS_EVENT,
              { kind: SpanKind.INTERNAL, attributes },
              incoming,
            );
            return { span: internal, context: trace.setSpan(incoming, internal) };
          })()
        : startMessageProcessSpan(message, {
            system: MESSAGING_SYSTEM_VALUE_KAFKA,
            destination: options.topic,
            tracer,
            context: incoming,
            attributes,
          });
      try {
        context.with(spanContext, () => {
          processed++;
          options.logger.info('chain order processed', {
            key: message.key,
            partition: message.partition,
            offset: message.offset,
            tenant: getBaggage().find((b) => b.key === 'demo.tenant')?.value,
          });
        });
      } finally {
        span.end();
      }
    },
    get processed() {
      return processed;
    },
  };
}
