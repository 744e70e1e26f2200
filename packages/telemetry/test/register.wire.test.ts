import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SpanKind } from '@opentelemetry/api';
import type { OtlpProtocol } from '@proc/telemetry-config';
import { type OtlpReceiver, startOtlpReceiver, waitFor } from '@proc/telemetry-testing';
import { SeverityNumber } from '../src/index.js';
import { receiverEnv } from './helpers/receiver-env.js';

const PACKAGE = path.join(__dirname, '..');
const BUILT = path.join(PACKAGE, 'dist/cjs/index.js');
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

// [how it is started, app, protocol]: the ESM hook (--import) for an ES module and for a CommonJS
// app, the require hook (--require) for a CommonJS app.
const CASES: [string, string, OtlpProtocol][] = [
  ['--import', 'zero-code-app.mjs', 'http/protobuf'],
  ['--require', 'zero-code-app.cjs', 'grpc'],
  ['--import', 'zero-code-app.cjs', 'http/json'],
];

describe('@proc/telemetry/register', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "pnpm build" first`);
    receiver = await startOtlpReceiver();
  });

  afterEach(() => receiver.clear());

  afterAll(async () => {
    await receiver.stop();
  });

  /** Runs an unmodified app under `flag @proc/telemetry/register` until it exits by itself. */
  async function run(flag: string, app: string, protocol: OtlpProtocol) {
    // Asynchronously: the receiver answers from this process's event loop.
    return promisify(execFile)(process.execPath, [flag, '@proc/telemetry/register', fixture(app)], {
      cwd: PACKAGE,
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        ...receiverEnv(receiver, protocol, {
          OTEL_SERVICE_NAME: 'zero-code-app',
          OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,pino',
        }),
      },
    });
  }

  it.each(CASES)(
    'should trace and export the logs of an unmodified app started with %s (%s, %s)',
    async (flag, app, protocol) => {
      const { stdout, stderr } = await run(flag, app, protocol);
      expect(stderr).toBe('');

      // The HTTP client and server spans: one trace, the server span a child of the client span,
      // with the current (stable) HTTP semantic conventions.
      const spans = receiver.spans();
      expect(spans).toHaveLength(2);
      const client = spans.find((span) => span.kind === SpanKind.CLIENT);
      const server = spans.find((span) => span.kind === SpanKind.SERVER);
      expect(server).toMatchObject({
        name: 'GET',
        traceId: client?.traceId,
        parentSpanId: client?.spanId,
        protocol,
        resource: { 'service.name': 'zero-code-app' },
        attributes: {
          'http.request.method': 'GET',
          'url.path': '/orders/42',
          'url.scheme': 'http',
          'http.response.status_code': 200,
        },
      });
      expect(client?.attributes).toMatchObject({
        'http.request.method': 'GET',
        'url.full': expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/orders\/42$/),
        'server.address': '127.0.0.1',
        'http.response.status_code': 200,
      });

      // The pino line written in the request handler: an OTLP log record in the same trace, and
      // the stdout line it still writes carries the ids too.
      const handled = receiver.logs().find((record) => record.body === 'handled request');
      expect(handled).toMatchObject({
        severityNumber: SeverityNumber.INFO,
        severityText: 'info',
        attributes: { path: '/orders/42' },
        traceId: server?.traceId,
        spanId: server?.spanId,
        resource: { 'service.name': 'zero-code-app' },
      });
      const done = receiver.logs().find((record) => record.body === 'request done');
      expect(done).toMatchObject({
        severityNumber: SeverityNumber.WARN,
        attributes: { status: 200 },
      });
      const line = JSON.parse(stdout.split('\n')[0] ?? '{}');
      expect(line).toMatchObject({
        msg: 'handled request',
        trace_id: server?.traceId,
        span_id: server?.spanId,
      });
    },
  );

  it('should flush on SIGTERM and end the process by that signal', async () => {
    const child = spawn(
      process.execPath,
      ['--import', '@proc/telemetry/register', fixture('zero-code-server.mjs')],
      {
        cwd: PACKAGE,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          ...receiverEnv(receiver, 'http/protobuf', {
            OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,pino',
          }),
        },
      },
    );
    try {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      const port = await waitFor(
        'the server to listen',
        () => /"port":(\d+),"msg":"listening"/.exec(stdout)?.[1],
        { timeoutMs: 15_000 },
      );
      const response = await fetch(`http://127.0.0.1:${port}/orders/7`);
      expect(await response.text()).toBe('ok');
      // Nothing is exported yet (the batch delays are a minute): SIGTERM must flush it.
      expect(receiver.spans()).toEqual([]);
      child.kill('SIGTERM');
      expect(await exited).toBe('SIGTERM');
      const [server] = receiver.spans({ name: 'GET' });
      expect(server).toMatchObject({
        kind: SpanKind.SERVER,
        attributes: { 'url.path': '/orders/7' },
      });
      expect(receiver.logs({ body: 'handled request' })).toEqual([
        expect.objectContaining({ traceId: server?.traceId, spanId: server?.spanId }),
      ]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('should run the app untouched with OTEL_SDK_DISABLED=true', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      ['--import', '@proc/telemetry/register', fixture('zero-code-app.mjs')],
      {
        cwd: PACKAGE,
        timeout: 30_000,
        env: { PATH: process.env.PATH, OTEL_SDK_DISABLED: 'true' },
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(receiver.spans()).toEqual([]);
  });

  it('should start the app without telemetry and say why when the config file is invalid', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      ['--require', '@proc/telemetry/register', fixture('zero-code-app.cjs')],
      {
        cwd: PACKAGE,
        timeout: 30_000,
        env: { PATH: process.env.PATH, PROC_TELEMETRY_CONFIG_FILE: fixture('zero-code-app.cjs') },
      },
    );
    expect(result.stderr).toMatch(/^@proc\/telemetry\/register: telemetry not started: /);
    expect(result.stdout).toContain('"msg":"request done"');
  });
});
