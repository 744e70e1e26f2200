// The otlp-receiver CLI: option parsing, the render functions, and the live summary of a running
// CLI (in-process with captured output, and the built bin as a child process).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { renderSummary } from '../src/cli/render.js';
import {
  parseReceiverCliOptions,
  type RunningReceiverCli,
  runReceiverCli,
} from '../src/cli/run.js';
import {
  type ReceivedMetricPoint,
  type ReceivedSpan,
  renderMetricTable,
  renderTraceWaterfall,
} from '../src/index.js';
import { logRecord } from './helpers/log-record.js';

const MS = 1_000_000n;
const T0 = 1_700_000_000_000_000_000n;

function span(
  name: string,
  spanId: string,
  parentSpanId: string | undefined,
  startMs: number,
  endMs: number,
  traceId = 'aaaabbbbccccddddeeeeffff00001111',
): ReceivedSpan {
  return {
    traceId,
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    flags: 1,
    name,
    kind: SpanKind.INTERNAL,
    status: { code: name.includes('fail') ? SpanStatusCode.ERROR : SpanStatusCode.UNSET },
    attributes: {},
    events: [],
    links: [],
    resource: {},
    scope: { name: 'test', attributes: {} },
    startTimeUnixNano: T0 + BigInt(startMs) * MS,
    endTimeUnixNano: T0 + BigInt(endMs) * MS,
    protocol: 'http/protobuf',
  };
}

function capture() {
  let text = '';
  return {
    stream: {
      write: (chunk: string) => {
        text += chunk;
        return true;
      },
      isTTY: false,
    },
    get text() {
      return text;
    },
  };
}

async function waitForText(read: () => string, pattern: RegExp, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(read())) {
    if (Date.now() > deadline) {
      throw new Error(`output never matched ${pattern}; got:\n${read()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('render functions', () => {
  it('draws a waterfall indented by parent with bars placed by time', () => {
    const lines = renderTraceWaterfall(
      [
        span('child b', '0000000000000003', '0000000000000001', 50, 100),
        span('root', '0000000000000001', undefined, 0, 100),
        span('child a', '0000000000000002', '0000000000000001', 0, 50),
        span('grandchild fail', '0000000000000004', '0000000000000002', 10, 20),
      ],
      { barWidth: 10, nameWidth: 20 },
    );
    expect(lines).toEqual([
      'trace aaaabbbbccccddddeeeeffff00001111  root  100.0ms  (4 spans)',
      '  root                 │██████████│  100.0ms',
      '    child a            │█████     │   50.0ms',
      '      grandchild fail  │ █        │   10.0ms ✗',
      '    child b            │     █████│   50.0ms',
    ]);
  });

  it('renders a table of the latest metric values', () => {
    const base = {
      description: '',
      exemplars: [],
      startTimeUnixNano: T0,
      timeUnixNano: T0,
      resource: {},
      scope: { name: 'm', attributes: {} },
      protocol: 'grpc' as const,
    };
    const metrics = new Map<string, ReceivedMetricPoint[]>([
      [
        'requests',
        [
          {
            ...base,
            name: 'requests',
            unit: '{request}',
            type: 'sum',
            temporality: 'cumulative',
            isMonotonic: true,
            attributes: { route: '/a' },
            value: 7,
          },
        ],
      ],
      [
        'latency',
        [
          {
            ...base,
            name: 'latency',
            unit: 'ms',
            type: 'histogram',
            temporality: 'cumulative',
            attributes: {},
            histogram: {
              count: 4,
              sum: 10,
              min: 1,
              max: 4,
              bucketCounts: [4, 0],
              explicitBounds: [5],
            },
          },
        ],
      ],
    ]);
    const lines = renderMetricTable(metrics);
    expect(lines[0]).toMatch(/^\s+metric\s+type\s+unit\s+attributes\s+value$/);
    expect(lines[2]).toMatch(
      /^\s+latency\s+histogram\/cumulative\s+ms\s+-\s+count=4 sum=10 avg=2.5 min=1 max=4$/,
    );
    expect(lines[3]).toMatch(/^\s+requests\s+sum\/cumulative\s+\{request\}\s+route=\/a\s+7$/);
  });

  it('renders a full frame with the rate, the latest traces and the metrics', () => {
    const frame = renderSummary({
      spans: [
        span('old', '0000000000000001', undefined, 0, 1, '11111111111111111111111111111111'),
        span('new', '0000000000000002', undefined, 0, 1, '22222222222222222222222222222222'),
      ],
      metrics: new Map(),
      spansPerSecond: 2.5,
      maxTraces: 1,
    });
    expect(frame).toContain('spans: 2 received, 2.5/s');
    expect(frame).toContain('trace 22222222222222222222222222222222  new');
    expect(frame).not.toContain('trace 1111');
    expect(frame).toContain('(no metrics yet)');
    expect(frame).toContain('Latest log records\n  (no log records yet)');
  });

  it('shows a tail of the latest log records, --logs of them', () => {
    const frame = renderSummary({
      spans: [],
      metrics: new Map(),
      spansPerSecond: 0,
      logCount: 3,
      logs: ['first', 'second', 'third'].map((body) => logRecord({ body })),
      maxLogLines: 2,
    });
    expect(frame).toContain('logs: 3');
    expect(frame).toContain(
      [
        'Latest log records',
        '  … 1 earlier record(s)',
        '  22:13:20.250 INFO  orders          second',
        '  22:13:20.250 INFO  orders          third',
      ].join('\n'),
    );
    expect(parseReceiverCliOptions(['--logs', '20']).logs).toBe(20);
  });
});

describe('option parsing', () => {
  it('defaults to the OTLP ports 4317 and 4318 on 127.0.0.1', () => {
    expect(parseReceiverCliOptions([])).toEqual({
      host: '127.0.0.1',
      grpcPort: 4317,
      httpPort: 4318,
      interval: 1000,
      traces: 3,
      logs: 5,
    });
  });

  it('rejects a bad port with a clear message and exit code 1', async () => {
    const err = capture();
    const result = await runReceiverCli(['--grpc-port', 'abc'], { stderr: err.stream });
    expect(result).toEqual({ exitCode: 1 });
    expect(err.text).toMatch(/port must be an integer/);
  });

  it('should parse --max-records and reject a value below 1', async () => {
    expect(parseReceiverCliOptions(['--max-records', '5']).maxRecords).toBe(5);
    const err = capture();
    const result = await runReceiverCli(['--max-records', '0'], { stderr: err.stream });
    expect(result).toEqual({ exitCode: 1 });
    expect(err.text).toMatch(/max-records must be an integer from 1 to/);
  });

  it('prints help with exit code 0', async () => {
    const out = capture();
    const result = await runReceiverCli(['--help'], { stdout: out.stream });
    expect(result.exitCode).toBe(0);
    expect(out.text).toMatch(/--grpc-port <port>.*\(default: 4317\)/);
    expect(out.text).toMatch(/--http-port <port>.*\(default: 4318\)/);
  });
});

describe('running CLI', () => {
  let running: RunningReceiverCli | undefined;

  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('prints a waterfall for spans sent to it', async () => {
    const out = capture();
    const result = await runReceiverCli(
      ['--grpc-port', '0', '--http-port', '0', '--interval', '50'],
      { stdout: out.stream },
    );
    running = result.running!;
    expect(out.text).toMatch(/OTLP receiver {2}gRPC http:\/\/127\.0\.0\.1:\d+ {2}HTTP/);

    const provider = new BasicTracerProvider({
      spanProcessors: [
        new SimpleSpanProcessor(
          new OTLPTraceExporter({ url: `${running.receiver.httpUrl}/v1/traces` }),
        ),
      ],
    });
    const tracer = provider.getTracer('cli-test');
    const root = tracer.startSpan('checkout');
    const rootContext = trace.setSpan(context.active(), root);
    const cart = tracer.startSpan('load cart', {}, rootContext);
    tracer.startSpan('query db', {}, trace.setSpan(context.active(), cart)).end();
    cart.end();
    tracer.startSpan('charge card', {}, rootContext).end();
    root.end();
    await provider.forceFlush();
    await provider.shutdown();

    await waitForText(() => out.text, /spans: 4 received/);
    const frame = out.text.slice(out.text.lastIndexOf('Latest traces'));
    expect(frame).toMatch(/trace [0-9a-f]{32} {2}checkout/);
    expect(frame).toMatch(/\n {4}checkout +│█/);
    expect(frame).toMatch(/\n {6}load cart +│/);
    expect(frame).toMatch(/\n {8}query db +│/);
    expect(frame).toMatch(/\n {6}charge card +│/);
    expect(out.text).toMatch(/spans: 4 received/);
  });

  it('should keep memory bounded in a long run: --max-records keeps the latest, counts cover all', async () => {
    const out = capture();
    const result = await runReceiverCli(
      ['--grpc-port', '0', '--http-port', '0', '--interval', '50', '--max-records', '2'],
      { stdout: out.stream },
    );
    running = result.running!;
    const provider = new BasicTracerProvider({
      spanProcessors: [
        new SimpleSpanProcessor(
          new OTLPTraceExporter({ url: `${running.receiver.httpUrl}/v1/traces` }),
        ),
      ],
    });
    for (const name of ['one', 'two', 'three', 'four']) {
      provider.getTracer('cli-test').startSpan(name).end();
    }
    await provider.forceFlush();
    await provider.shutdown();

    await waitForText(() => out.text, /spans: 4 received/);
    expect(running.receiver.spans().map((s) => s.name)).toEqual(['three', 'four']);
  });

  it('should redraw in place on a terminal, every line fitted to its width', async () => {
    let text = '';
    const tty = {
      write: (chunk: string) => {
        text += chunk;
        return true;
      },
      isTTY: true,
      columns: 60,
    };
    const result = await runReceiverCli(
      ['--grpc-port', '0', '--http-port', '0', '--interval', '20'],
      { stdout: tty },
    );
    running = result.running!;
    const provider = new BasicTracerProvider({
      spanProcessors: [
        new SimpleSpanProcessor(
          new OTLPTraceExporter({ url: `${running.receiver.httpUrl}/v1/traces` }),
        ),
      ],
    });
    provider.getTracer('cli-test').startSpan('a span with a rather long name to be cut').end();
    await provider.shutdown();
    // A frame with the span, and one drawn after it.
    await waitForText(() => text, /spans: 1 received/);
    await waitForText(
      () => String(text.slice(text.indexOf('spans: 1 received')).includes('\x1b[H')),
      /^true$/,
    );
    // The screen is cleared once; every next frame starts at home instead of scrolling.
    expect(text.split('\x1b[2J')).toHaveLength(2);
    const frames = text.split('\x1b[H').slice(1);
    expect(frames.length).toBeGreaterThan(1);
    const last = frames.find((f) => f.includes('spans: 1 received'))!;
    const lines = last.split('\x1b[K\n').filter((l) => l !== '' && l !== '\x1b[J');
    expect(lines.some((l) => l.includes('a span with a rather'))).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('should serve the web view with --ui and print its URL', async () => {
    const out = capture();
    const result = await runReceiverCli(
      ['--grpc-port', '0', '--http-port', '0', '--ui', '--ui-port', '0'],
      { stdout: out.stream },
    );
    running = result.running!;
    const url = running.ui!.url;
    expect(out.text).toContain(`Web view     ${url}`);
    const summary = await fetch(`${url}api/summary`, { signal: AbortSignal.timeout(5000) });
    expect(await summary.json()).toMatchObject({ spans: 0, httpUrl: running.receiver.httpUrl });
    await running.stop();
    await expect(fetch(url, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
  });

  it('should exit 1 naming --ui-port when the port is taken', async () => {
    const first = await runReceiverCli(['--grpc-port', '0', '--http-port', '0', '--ui-port', '0'], {
      stdout: capture().stream,
    });
    running = first.running!;
    const err = capture();
    const second = await runReceiverCli(
      ['--grpc-port', '0', '--http-port', '0', '--ui-port', String(running.ui!.port)],
      { stdout: capture().stream, stderr: err.stream },
    );
    expect(second).toEqual({ exitCode: 1 });
    expect(err.text).toMatch(
      /cannot serve the web view: .*EADDRINUSE.*--ui-port 0 picks a free port/,
    );
  });
});

describe('otlp-receiver bin', () => {
  const bin = path.resolve(__dirname, '../dist/cjs/cli.js');
  let child: ChildProcess | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('runs from the built package and exits 0 on SIGINT', async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" first`);
    child = spawn(
      process.execPath,
      [bin, '--grpc-port', '0', '--http-port', '0', '--interval', '50'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    let text = '';
    const append = (chunk: Buffer) => {
      text += chunk.toString();
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    await waitForText(() => text, /HTTP (http:\/\/127\.0\.0\.1:\d+)/);
    const httpUrl = /HTTP (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    const res = await fetch(`${httpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: '5b8efff798038103d269b633813fc60c',
                    spanId: 'eee19b7ec3c1b174',
                    name: 'from the bin test',
                    startTimeUnixNano: '1700000000000000000',
                    endTimeUnixNano: '1700000000250000000',
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    await waitForText(() => text, /from the bin test +│█+│ +250\.0ms/);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
