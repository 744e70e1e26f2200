import { e2eStack } from '../src/e2e-stack.js';
import { type OtlpProtocol, startDemo, uniqueServiceName } from './support/demo-process.js';
import { jaegerApi } from './support/jaeger-api.js';
import { pollUntil } from './support/poll.js';
import { prometheusApi } from './support/prometheus-api.js';

// Each OTLP encoding the SDK speaks, once through the real collector's receivers: the gRPC one
// (:4317) and the HTTP one (:4318, protobuf and JSON bodies).
const { ports } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);
const prometheus = prometheusApi(ports.prometheus);

describe.each<OtlpProtocol>(['grpc', 'http/protobuf', 'http/json'])('OTLP over %s', (protocol) => {
  const service = uniqueServiceName(`e2e-${protocol.replace('/', '-')}`);

  it('should reach Jaeger with every span and Prometheus with the counters', async () => {
    const run = await startDemo({ ports, protocol, serviceName: service, durationSeconds: 3 }).done;
    expect(run.spans.exported).toBe(run.spans.ended);
    const spans = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => s.length >= run.spans.exported,
    );
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(run.spans.exported);
    expect(spans.filter((s) => s.name === 'send events')).toHaveLength(run.stats.produced);
    const processed = await pollUntil(
      () => prometheus.scalar(`sum(processor_events_processed_total{job="${service}"})`),
      (n) => n === run.stats.processed,
    );
    expect(processed).toBe(run.stats.processed);
  });
});
