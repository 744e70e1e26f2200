// Span encoding: the CPU of turning a batch of ended spans into an OTLP
// ExportTraceServiceRequest, which the export path spends on the app thread when a batch fills:
// @proc/telemetry-otlp's protobufSpanSerializer against the SDK's ProtobufTraceSerializer, and
// its jsonSpanSerializer against the SDK's JsonTraceSerializer, the same batches, interleaved
// rounds of CPU time (lib/harness.mjs). Each pair writes the same bytes (checked here once, and
// by the package's property tests).
import { SpanKind, TraceFlags } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { jsonSpanSerializer, protobufSpanSerializer } from '@proc/telemetry-otlp';
import { compareCalls } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

const BATCH_SIZE = 512;
/** Messages per batch span, each linked: the demo's batch size, and the SDK's default link limit. */
const LINKS_PER_BATCH = 128;

/** Spans shaped as the demo pipeline's: a send span and an event span per message, a batch span with a link per message. */
function demoShapedSpans(events, text) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('@proc/demo-processor', '0.0.0');
  let links = [];
  for (let i = 0; i < events; i++) {
    const send = tracer.startSpan('send events', {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': text('events'),
        'messaging.operation.name': 'send',
        'messaging.operation.type': 'send',
        'messaging.destination.partition.id': String(i % 3),
        'messaging.message.id': text(`e-${i}`),
        'processor.event.type': text('order'),
        'processor.event.redelivery': i % 50 === 0,
      },
    });
    send.setAttribute('messaging.kafka.offset', i);
    send.end();
    links.push({
      context: { ...send.spanContext(), isRemote: true, traceFlags: TraceFlags.SAMPLED },
      attributes: { 'messaging.kafka.offset': i },
    });
    const event = tracer.startSpan('processor.process_event', {
      attributes: { 'processor.event.type': text('order'), 'processor.window.id': i >> 7 },
    });
    event.setAttribute('processor.event.late', false);
    event.end();
    if (links.length === LINKS_PER_BATCH) {
      tracer.startSpan('process events', { kind: SpanKind.CONSUMER, links }).end();
      links = [];
    }
  }
  const spans = exporter.getFinishedSpans();
  const batches = [];
  for (let at = 0; at + BATCH_SIZE <= spans.length; at += BATCH_SIZE) {
    batches.push(spans.slice(at, at + BATCH_SIZE));
  }
  return batches;
}

const texts = [
  ['ASCII attribute values', (value) => value],
  ['non-ASCII attribute values', (value) => `${value}-größe-注文`],
];
const encodings = [
  ['OTLP/protobuf', 'ProtobufTraceSerializer', ProtobufTraceSerializer, protobufSpanSerializer],
  ['OTLP/JSON', 'JsonTraceSerializer', JsonTraceSerializer, jsonSpanSerializer],
];
const rows = [];
for (const [encoding, baseline, sdk, ours] of encodings) {
  for (const [name, text] of texts) {
    const batches = demoShapedSpans(1_536, text);
    const encodeAll = (serializer) => () => {
      for (const batch of batches) serializer.serializeRequest(batch);
    };
    for (const batch of batches) {
      const written = Buffer.from(ours.serializeRequest(batch));
      if (!written.equals(Buffer.from(sdk.serializeRequest(batch)))) {
        throw new Error(
          `@proc/bench: span encoding (${encoding}, ${name}): the two serializers' bytes differ`,
        );
      }
    }
    const spans = batches.length * BATCH_SIZE;
    const result = await compareCalls(encodeAll(sdk), encodeAll(ours));
    rows.push({
      case: `${encoding}: ${batches.length} batches of ${BATCH_SIZE} demo-shaped spans, ${name}`,
      baseline,
      ...result,
      detail: `CPU per span: SDK ${(result.baselineValue / spans / 1000).toFixed(2)} µs, ours ${(result.candidateValue / spans / 1000).toFixed(2)} µs`,
    });
  }
}

reportSuite({
  id: 'span-encoding',
  title:
    'Span encoding: protobufSpanSerializer and jsonSpanSerializer / the SDK serializers (lower is better)',
  description:
    "CPU time of encoding the same batches as OTLP/protobuf and as OTLP/JSON, in interleaved rounds; a batch holds a send span and an event span per message and a batch span with 128 links per 128 messages (the demo pipeline's at 100 % sampling). Ours and the SDK's write the same bytes (checked before measuring).",
  rows,
});
