import {
  context,
  createTraceState,
  type HrTime,
  ROOT_CONTEXT,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { defaultTelemetryConfig } from '@proc/telemetry-config';
import {
  type OtlpReceiver,
  type ReceivedAttributes,
  type ReceivedSpan,
  startOtlpReceiver,
} from '@proc/telemetry-testing';
import { createOtlpSender, jsonSpanSerializer, type OtlpSender } from '../src/index.js';
import { aSpan } from './helpers/span-arbitraries.js';

const remoteParent: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
  isRemote: true,
  traceState: createTraceState('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE'),
};

/** Spans made by the SDK's own tracer, with every field it sets, and one of every AnyValue type. */
function madeSpans(): ReadableSpan[] {
  const ended: ReadableSpan[] = [];
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'json-wire', 'service.instance.id': 'ü-1' }),
    spanProcessors: [
      {
        onStart: () => undefined,
        onEnd: (span) => ended.push(span),
        forceFlush: async () => undefined,
        shutdown: async () => undefined,
      },
    ],
  });
  const tracer = provider.getTracer('json-wire', '1.2.3', {
    schemaUrl: 'https://opentelemetry.io/schemas/1.30.0',
  });
  const upstream = tracer.startSpan('upstream', { kind: SpanKind.PRODUCER });
  upstream.end();
  const parent = trace.setSpanContext(ROOT_CONTEXT, remoteParent);
  const consumer = tracer.startSpan(
    'process "order" \\ größe 注文 🎉',
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'text.escapes': 'tab\tnewline\nquote"',
        'int.negative': -42,
        'int.large': 2 ** 53 - 1,
        double: 2.5,
        bool: false,
        strings: ['a', 'ß', ''],
        ints: [1, 2, 3],
        doubles: [0.5, -1.25],
        bools: [true, false],
      },
      links: [
        { context: upstream.spanContext(), attributes: { 'link.reason': 'batch' } },
        { context: remoteParent },
      ],
    },
    parent,
  );
  consumer.addEvent('received', { 'event.size': 128, 'event.source': 'topic-ä' });
  consumer.addEvent('no attributes');
  context.with(trace.setSpan(ROOT_CONTEXT, consumer), () => {
    const child = tracer.startSpan('window.aggregate', { kind: SpanKind.INTERNAL });
    child.setStatus({ code: SpanStatusCode.OK });
    child.end();
  });
  consumer.setStatus({ code: SpanStatusCode.ERROR, message: 'sink timeout: "late"' });
  consumer.end();
  const valueTypes = aSpan({
    name: 'value types',
    spanContext: () => ({ traceId: '5'.repeat(32), spanId: '6'.repeat(16), traceFlags: 1 }),
    attributes: {
      bytes: Uint8Array.from([0, 1, 254, 255]),
      map: { inner: 'x', depth: { n: 1 } },
      nested: [['a', 1], [true]],
    } as never,
  });
  return [...ended, valueTypes];
}

const nanos = ([seconds, nanoseconds]: HrTime) =>
  BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);

/** What the receiver should hold for `span`: every field it decodes from OTLP/JSON. */
function expectedReceived(span: ReadableSpan): ReceivedSpan {
  const spanContext = span.spanContext();
  const parent = span.parentSpanContext;
  const scope = span.instrumentationScope;
  return {
    traceId: spanContext.traceId,
    spanId: spanContext.spanId,
    ...(parent?.spanId ? { parentSpanId: parent.spanId } : {}),
    ...(spanContext.traceState ? { traceState: spanContext.traceState.serialize() } : {}),
    flags: (spanContext.traceFlags & 0xff) | 0x100 | (parent?.isRemote ? 0x200 : 0),
    name: span.name,
    kind: span.kind,
    status: {
      code: span.status.code,
      ...(span.status.message ? { message: span.status.message } : {}),
    },
    attributes: span.attributes as ReceivedAttributes,
    events: span.events.map((event) => ({
      name: event.name,
      timeUnixNano: nanos(event.time),
      attributes: (event.attributes ?? {}) as ReceivedAttributes,
    })),
    links: span.links.map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      ...(link.context.traceState ? { traceState: link.context.traceState.serialize() } : {}),
      attributes: (link.attributes ?? {}) as ReceivedAttributes,
    })),
    resource: span.resource.attributes as ReceivedAttributes,
    scope: {
      name: scope.name,
      ...(scope.version ? { version: scope.version } : {}),
      attributes: {},
    },
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
    protocol: 'http/json',
  };
}

describe('jsonSpanSerializer over OTLP/HTTP JSON', () => {
  let receiver: OtlpReceiver;
  let sender: OtlpSender;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    sender = createOtlpSender(
      {
        ...defaultTelemetryConfig().traces.export,
        protocol: 'http/json',
        endpoint: `${receiver.httpUrl}/v1/traces`,
        timeoutMillis: 5000,
      },
      { signal: 'traces', optionPath: 'traces.export' },
    );
  });

  afterAll(async () => {
    await sender.shutdown();
    await receiver.stop();
  });

  afterEach(() => receiver.clear());

  it('should deliver every field of every span, decoded by the receiver as the SDK serializer’s request is', async () => {
    const spans = madeSpans();
    expect(spans).toHaveLength(4);
    const body = jsonSpanSerializer.serializeRequest(spans)!;
    await expect(sender.send({ body, items: spans.length })).resolves.toEqual({
      status: 'delivered',
    });
    const ours = await receiver.waitForSpans(spans.length);
    expect(receiver.stats()['http/json']).toMatchObject({ requests: 1, decodeFailures: 0 });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...ours].sort(byName)).toEqual(spans.map(expectedReceived).sort(byName));
    const [consumer] = ours.filter((span) => span.kind === SpanKind.CONSUMER);
    expect(consumer).toMatchObject({
      parentSpanId: remoteParent.spanId,
      traceState: 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
      flags: 0x301,
      status: { code: SpanStatusCode.ERROR, message: 'sink timeout: "late"' },
    });
    expect(consumer?.links[1]?.traceState).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
    expect(ours.find((span) => span.name === 'value types')?.attributes).toEqual({
      bytes: Uint8Array.from([0, 1, 254, 255]),
      map: { inner: 'x', depth: { n: 1 } },
      nested: [['a', 1], [true]],
    });

    receiver.clear();
    const sdkBody = JsonTraceSerializer.serializeRequest(spans)!;
    expect(Buffer.from(body).equals(Buffer.from(sdkBody))).toBe(true);
    await expect(sender.send({ body: sdkBody, items: spans.length })).resolves.toEqual({
      status: 'delivered',
    });
    expect(await receiver.waitForSpans(spans.length)).toEqual(ours);
  });
});
