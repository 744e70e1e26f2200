// A small producer → batch consumer scenario sent into a receiver by the SDK's own OTLP
// exporters (traces, metrics and logs over OTLP/HTTP protobuf), for the web view's tests.
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { OtlpReceiver } from '../../src/index.js';

/** An attribute value that runs script if anything puts it in the page as markup. */
export const HOSTILE_VALUE =
  '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">';

/** A trace id no span of the scenario has: the batch links to it, as to a message whose trace was lost. */
export const MISSING_TRACE_ID = 'dead0000beef0000dead0000beef0000';

export interface SampleTelemetry {
  /** The trace of each produced message (one PRODUCER span each). */
  producerTraceIds: string[];
  /** The consumer's batch trace, linked to every producer span and to {@link MISSING_TRACE_ID}. */
  batchTraceId: string;
  /** The span with the hostile attribute and the error status. */
  failedSpanName: string;
}

const providerOptions = (service: string, receiver: OtlpReceiver) => ({
  resource: resourceFromAttributes({
    'service.name': service,
    'service.instance.id': `${service}-1`,
  }),
  spanProcessors: [
    new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${receiver.httpUrl}/v1/traces` })),
  ],
});

/**
 * Sends the scenario and resolves once everything arrived: 3 producer traces (service
 * `orders-producer`), a batch trace (`orders-consumer`) with a child per message (one failed,
 * with an exception event and {@link HOSTILE_VALUE} in an attribute), 3 exports of a counter
 * and a histogram, and 4 log records (one in the batch trace, one hostile).
 */
export async function sendSampleTelemetry(receiver: OtlpReceiver): Promise<SampleTelemetry> {
  const producer = new BasicTracerProvider(providerOptions('orders-producer', receiver));
  const consumer = new BasicTracerProvider(providerOptions('orders-consumer', receiver));
  const producerTracer = producer.getTracer('orders');
  const consumerTracer = consumer.getTracer('orders', '1.2.3');

  const messages = ['order-1', 'order-2', 'order-3'].map((key) => {
    const span = producerTracer.startSpan('send orders', {
      kind: SpanKind.PRODUCER,
      attributes: { 'messaging.destination.name': 'orders', 'messaging.message.id': key },
    });
    span.end();
    return span.spanContext();
  });
  const batch = consumerTracer.startSpan('process orders', {
    kind: SpanKind.CONSUMER,
    links: [
      ...messages.map((m) => ({ context: m, attributes: { 'messaging.message.id': 'x' } })),
      {
        context: { traceId: MISSING_TRACE_ID, spanId: 'beef0000dead0000', traceFlags: 1 },
      },
    ],
    attributes: { 'messaging.batch.message_count': messages.length + 1 },
  });
  const batchContext = trace.setSpan(context.active(), batch);
  const failedSpanName = 'process order-2';
  messages.forEach((_, i) => {
    const name = `process order-${i + 1}`;
    const child = consumerTracer.startSpan(
      name,
      { attributes: { 'order.index': i } },
      batchContext,
    );
    if (name === failedSpanName) {
      child.setAttribute('order.note', HOSTILE_VALUE);
      child.recordException(new Error('poison message'));
      child.setStatus({ code: SpanStatusCode.ERROR, message: 'poison message' });
    }
    child.end();
  });
  batch.end();

  const meterProvider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'orders-consumer' }),
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${receiver.httpUrl}/v1/metrics` }),
        // Exports happen on forceFlush below; the interval only has to be long.
        exportIntervalMillis: 600_000,
      }),
    ],
  });
  const meter = meterProvider.getMeter('orders');
  const processed = meter.createCounter('orders.processed', { unit: '{order}' });
  const latency = meter.createHistogram('orders.latency', { unit: 'ms' });
  for (let round = 1; round <= 3; round++) {
    processed.add(round * 2, { 'orders.queue': 'main' });
    processed.add(1, { 'orders.queue': HOSTILE_VALUE });
    latency.record(10 * round, { 'orders.queue': 'main' });
    await meterProvider.forceFlush();
  }

  const loggerProvider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'orders-consumer' }),
    processors: [
      new SimpleLogRecordProcessor({
        exporter: new OTLPLogExporter({ url: `${receiver.httpUrl}/v1/logs` }),
      }),
    ],
  });
  const logger = loggerProvider.getLogger('orders');
  logger.emit({
    severityNumber: SeverityNumber.INFO,
    severityText: 'INFO',
    body: 'consumer started',
  });
  logger.emit({
    severityNumber: SeverityNumber.ERROR,
    severityText: 'ERROR',
    body: 'poison message skipped',
    context: batchContext,
    attributes: { 'order.key': 'order-2' },
  });
  logger.emit({ severityNumber: SeverityNumber.WARN, severityText: 'WARN', body: HOSTILE_VALUE });
  logger.emit({ severityNumber: SeverityNumber.DEBUG, severityText: 'DEBUG', body: 'poll done' });

  await Promise.all([
    producer.shutdown(),
    consumer.shutdown(),
    meterProvider.shutdown(),
    loggerProvider.shutdown(),
  ]);
  const batchTraceId = batch.spanContext().traceId;
  await receiver.waitForSpans(4, { traceId: batchTraceId });
  await receiver.waitForLogs(4);
  await receiver.waitForMetric('orders.latency');
  return { producerTraceIds: messages.map((m) => m.traceId), batchTraceId, failedSpanName };
}
