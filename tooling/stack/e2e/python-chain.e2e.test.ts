import { e2eStack } from '../src/e2e-stack.js';
import { uniqueServiceName } from './support/demo-process.js';
import { jaegerApi, OTLP_SPAN_KIND, type StoredSpan } from './support/jaeger-api.js';
import { startKafkaDemo } from './support/kafka-demo-process.js';
import { pollUntil } from './support/poll.js';

// Node → Python → Node: the demo's producer process POSTs orders to the chain relay (the
// stack's Python service, on the official OpenTelemetry Python SDK) with a trace context and
// baggage; the relay writes one Kafka record per order; a demo worker consumes it. Each order is
// one trace across the three processes and two languages, and the baggage arrives at the end.
const { ports } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);

describe('the chain Node → Python (chain relay) → Kafka → Node worker', () => {
  const service = uniqueServiceName('e2e-chain');
  const topic = `${service}-events`;

  it('should keep one trace and the baggage across both languages, every span at the same collector', async () => {
    const run = await startKafkaDemo({
      ports,
      serviceName: service,
      topic,
      workers: 1,
      durationSeconds: 5,
      rate: 5,
      relay: true,
    }).done;
    expect(run.code).toBe(0);
    const producer = run.processes.get('producer')!;
    const sent = producer.lines
      .filter((l) => l.includes('chain order sent'))
      .map((l) => ({
        id: /\bid=(\S+)/.exec(l)![1]!,
        traceId: /order_trace_id=([0-9a-f]{32})/.exec(l)![1]!,
      }));
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(run.finished.chainSent).toBe(sent.length);

    for (const order of sent) {
      const trace = await pollUntil(
        () => jaeger.trace(order.traceId),
        (spans) => spans.length >= 4,
      );
      const byName = (name: string, kind: number) =>
        trace.filter((s) => s.name === name && s.kind === kind);
      const [client] = byName('POST', OTLP_SPAN_KIND.CLIENT);
      const [server] = byName('POST /orders', OTLP_SPAN_KIND.SERVER);
      const [send] = byName('send chain', OTLP_SPAN_KIND.PRODUCER);
      const [consume] = byName('process chain', OTLP_SPAN_KIND.CONSUMER);
      const chain: [string, StoredSpan | undefined][] = [
        ['node client', client],
        ['python server', server],
        ['python producer', send],
        ['node consumer', consume],
      ];
      for (const [what, span] of chain)
        expect([order.id, what, span?.traceId]).toEqual([order.id, what, order.traceId]);
      // One trace, parent by parent, across the two languages and three processes.
      expect(client!.parentSpanId).toBeUndefined();
      expect(server!.parentSpanId).toBe(client!.spanId);
      expect(send!.parentSpanId).toBe(server!.spanId);
      expect(consume!.parentSpanId).toBe(send!.spanId);
      expect([client!.service, server!.service, send!.service, consume!.service]).toEqual([
        service,
        'chain-relay',
        'chain-relay',
        service,
      ]);
      expect(client!.resource['service.instance.id']).toBe(producer.instanceId);
      expect(consume!.resource['service.instance.id']).toBe(
        run.processes.get('worker-1')!.instanceId,
      );
      expect(server!.resource['telemetry.sdk.language']).toBe('python');
      // The baggage the client set, read by Python and again by the Node worker.
      expect(server!.attributes['baggage.demo.tenant']).toBe('acme');
      expect(consume!.attributes).toMatchObject({
        'baggage.demo.tenant': 'acme',
        'baggage.demo.request.id': order.id,
        'messaging.system': 'kafka',
        'messaging.destination.name': 'chain',
        'messaging.kafka.message.key': order.id,
      });
      expect(send!.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'messaging.destination.name': 'chain',
        'messaging.kafka.offset': consume!.attributes['messaging.kafka.offset'],
      });
    }
  });
});
