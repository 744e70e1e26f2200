import { context, ROOT_CONTEXT, type Span, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { injectIntoHeaders, recordException } from '@proc/telemetry';
import type { Message, Producer } from 'kafkajs';
import type { GeneratedMessage } from '../event-generator.js';
import { partitionOf } from '../producer.js';
import { sendSpanAttributes } from '../send-span-attributes.js';
import { ATTR_MESSAGING_KAFKA_OFFSET, MESSAGING_SYSTEM_VALUE_KAFKA } from './kafka-conventions.js';
import { producerSpanAttributes } from './kafka-instrumentation.js';

/** Sends generated events to a Kafka topic, one `send` span per record. */
export interface KafkaEventProducer {
  /** Sends the messages in one request; resolves once the broker acknowledged them all. */
  sendAll(messages: readonly GeneratedMessage[]): Promise<void>;
  /** Records acknowledged. */
  readonly sent: number;
  /** Records the broker refused (their spans have ERROR status). */
  readonly failed: number;
}

/** Options of {@link createKafkaEventProducer}. */
export interface KafkaEventProducerOptions {
  producer: Producer;
  topic: string;
  partitions: number;
  /** True when `@opentelemetry/instrumentation-kafkajs` is on: it then makes the send spans. */
  instrumented: boolean;
  tracer?: Tracer;
}

/**
 * A producer of the demo's events on Kafka. Each record starts its own trace (as an upstream
 * request would): its `send <topic>` span (kind `PRODUCER`) is injected into the record's
 * headers, which the workers' batch spans link to. Records are partitioned by key (the
 * customer), so one customer's events stay in order on one partition, and its offset is set on
 * the span once the broker has acknowledged it.
 */
export function createKafkaEventProducer(options: KafkaEventProducerOptions): KafkaEventProducer {
  const { producer, topic, partitions, instrumented } = options;
  const tracer = options.tracer ?? trace.getTracer('@proc/demo-processor');
  let sent = 0;
  let failed = 0;
  return {
    async sendAll(batch) {
      if (batch.length === 0) return;
      const spans: Span[] = [];
      const messages: Message[] = batch.map((generated) => {
        const key = generated.kind === 'event' ? generated.event.customerId : generated.key;
        const value =
          generated.kind === 'event' ? JSON.stringify(generated.event) : generated.value;
        const partition = partitionOf(key, partitions);
        const attributes = sendSpanAttributes(
          MESSAGING_SYSTEM_VALUE_KAFKA,
          topic,
          partition,
          generated,
        );
        const message: Message = { key, value, partition };
        if (instrumented) {
          // The instrumentation's send span carries the context; it gets these attributes.
          producerSpanAttributes.set(message, attributes);
          return message;
        }
        const span = tracer.startSpan(
          `send ${topic}`,
          { kind: SpanKind.PRODUCER, attributes },
          ROOT_CONTEXT,
        );
        spans.push(span);
        message.headers = injectIntoHeaders(undefined, {
          context: trace.setSpan(ROOT_CONTEXT, span),
        });
        return message;
      });
      try {
        // Under the root context: with the instrumentation on, each record's send span is then
        // the root of its own trace, as the demo's own are.
        const acks = await context.with(ROOT_CONTEXT, () =>
          producer.send({ topic, messages, acks: -1 }),
        );
        const base = new Map(acks.map((a) => [a.partition, Number(a.baseOffset)]));
        const next = new Map<number, number>();
        messages.forEach((message, i) => {
          // Records of one partition are appended in request order from its base offset.
          const partition = message.partition!;
          const index = next.get(partition) ?? 0;
          next.set(partition, index + 1);
          spans[i]?.setAttribute(ATTR_MESSAGING_KAFKA_OFFSET, (base.get(partition) ?? 0) + index);
        });
        sent += messages.length;
      } catch (error) {
        failed += messages.length;
        for (const span of spans) recordException(span, error);
        throw error;
      } finally {
        for (const span of spans) span.end();
      }
    },
    get sent() {
      return sent;
    },
    get failed() {
      return failed;
    },
  };
}
