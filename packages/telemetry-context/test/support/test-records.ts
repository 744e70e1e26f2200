import {
  ROOT_CONTEXT,
  SpanKind,
  type TextMapPropagator,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { injectContext } from '../../src/inject-context.js';

/** A Kafka-style record as a consumer receives it: header values are Buffers. */
export interface TestRecord {
  key: string;
  value: Buffer;
  headers: Record<string, Buffer>;
}

/** Produces `count` records, each in its own trace under a `send orders` producer span. */
export function produceTestRecords(
  tracer: Tracer,
  count: number,
  propagator: TextMapPropagator,
): { records: TestRecord[]; producerSpanIds: string[] } {
  const records: TestRecord[] = [];
  const producerSpanIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const span = tracer.startSpan('send orders', { kind: SpanKind.PRODUCER }, ROOT_CONTEXT);
    const headers: Record<string, string | Buffer> = { 'content-type': Buffer.from('json') };
    injectContext(headers, trace.setSpan(ROOT_CONTEXT, span), { propagator });
    span.end();
    producerSpanIds.push(span.spanContext().spanId);
    records.push({
      key: `k${i}`,
      value: Buffer.from(`order ${i}`),
      // As on the wire: every header value arrives as a Buffer.
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])),
    });
  }
  return { records, producerSpanIds };
}
