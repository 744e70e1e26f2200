// How each marked snippet of docs/ and of the package READMEs is checked. A `run` case runs the snippet in the packed install
// (packed.wire.test.ts) against the testing receiver, with the environment the page gives, and
// asserts what the page says happens; a `fragment` says why the block cannot run on its own.
import path from 'node:path';
import { SeverityNumber } from '@proc/telemetry';
import type { TelemetryConfig } from '@proc/telemetry-config';
import { freePort, type InstalledApp, type OtlpReceiver, waitFor } from '@proc/telemetry-testing';
import type { DocSnippet } from './doc-snippets.js';

/** What a child process ended with. */
export interface ProcessResult {
  code: number | null;
  signal?: string | null;
  stdout: string;
  stderr: string;
}

/** A command started in the background (a server the snippet tells to leave running). */
export interface BackgroundProcess {
  /** Everything it printed on stdout so far. */
  stdout(): string;
  /** Resolves with the first match of `pattern` in its stdout; rejects when it ends or times out. */
  waitForOutput(pattern: RegExp, timeoutMillis?: number): Promise<RegExpMatchArray>;
  /** Sends `signal` to its process group (as Ctrl-C does) and resolves once it has ended. */
  stop(signal?: NodeJS.Signals): Promise<ProcessResult>;
}

/** What a `run` case gets: the packed install, a receiver, and ways to run the snippet. */
export interface SnippetRun {
  app: InstalledApp;
  /** The client that installed `app`. */
  packageManager: 'npm' | 'pnpm';
  receiver: OtlpReceiver;
  snippet: DocSnippet;
  /** Another snippet (for a page whose steps run together), by key. */
  snippetOf(key: string): DocSnippet;
  /**
   * Writes a TypeScript or JavaScript snippet into the app as an ES module (types stripped by
   * TypeScript's `transpileModule`, nothing else changed) and returns its path. The name
   * defaults to the snippet's key (`getting-started.md-first-span.mjs`, `telemetry-README.md-cli.mjs`).
   */
  script(name?: string, body?: string): string;
  /** Writes a file into the app (a fixture the snippet names, such as `app.mjs`). */
  write(name: string, text: string): string;
  /**
   * `node <file>` in the app folder with `OTEL_EXPORTER_OTLP_ENDPOINT` at the receiver (the
   * collector a reader points the app at) and `env`; at most 60 s.
   */
  node(file: string, env?: Record<string, string>): Promise<ProcessResult>;
  /**
   * A shell command in the app folder (`sh -c`, `node_modules/.bin` on PATH as for npx), with
   * `env` and nothing of the test's environment; at most 60 s.
   */
  shell(command: string, env?: Record<string, string>): Promise<ProcessResult>;
  /** The same, left running until `stop()` (killed after 60 s at the latest). */
  background(command: string, env?: Record<string, string>): BackgroundProcess;
}

export type SnippetCase =
  | { kind: 'run'; run(context: SnippetRun): Promise<void> }
  /** Run by the case of another snippet, as a later step of the same page (a second terminal). */
  | { kind: 'run'; runsWith: string }
  | { kind: 'install' }
  | {
      kind: 'fragment';
      why: string;
      /**
       * For a README's TypeScript fragment: declarations of the names it takes from the reader's
       * app (`declare const tracer: Tracer`, imports), appended when snippet-types.test.ts
       * compiles it against the real packages.
       */
      declares?: string;
    };

/** Replaces `from` in a snippet, failing when the snippet no longer holds it. */
export function substitute(body: string, from: string, to: string): string {
  if (!body.includes(from)) throw new Error(`the snippet no longer contains ${from}:\n${body}`);
  return body.replaceAll(from, to);
}

const NO_OUTPUT = { code: 0, stderr: '' };

/** Loads a config file snippet with `loadConfig({ file })` and returns the config as JSON. */
async function loadConfigFile(
  context: SnippetRun,
  env: Record<string, string> = {},
): Promise<TelemetryConfig> {
  const file = context.write(
    `${context.snippet.key.replace(/\W/g, '-')}.yaml`,
    context.snippet.body,
  );
  context.write(
    'load-config-file.mjs',
    "import { loadConfig } from '@proc/telemetry';\n" +
      'console.log(JSON.stringify(loadConfig()));\n',
  );
  // As the page says: the file named by PROC_TELEMETRY_CONFIG_FILE, no OTEL_* variables.
  const result = await context.shell('node load-config-file.mjs', {
    ...env,
    PROC_TELEMETRY_CONFIG_FILE: file,
  });
  expect(result).toMatchObject(NO_OUTPUT);
  return JSON.parse(result.stdout) as TelemetryConfig;
}

/** Runs a snippet that builds `resource`, then prints that resource's attributes as JSON. */
async function resourceOf(
  context: SnippetRun,
  env: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const body = `${context.snippet.body}\nconsole.log(JSON.stringify(resource.attributes));\n`;
  const result = await context.node(context.script(undefined, body), env);
  expect(result).toMatchObject(NO_OUTPUT);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/**
 * Loads the example config file that configuration.md and the config README both show (they
 * differ in the metrics section), with COLLECTOR_TOKEN set, and checks what they share.
 */
async function loadExampleConfigFile(context: SnippetRun): Promise<TelemetryConfig> {
  const config = await loadConfigFile(context, { COLLECTOR_TOKEN: 'token-from-the-environment' });
  expect(config.service).toMatchObject({
    name: 'order-enricher',
    version: '1.4.0',
    environment: 'production',
  });
  expect(config.resource.attributes).toEqual({ team: 'streaming' });
  expect(config.traces.export).toMatchObject({
    endpoint: 'https://collector.example.com:4318/v1/traces',
    compression: 'gzip',
    // Printed redacted, as the pages say.
    headers: { authorization: '[REDACTED]' },
  });
  expect(config.metrics.export.endpoint).toBe('https://collector.example.com:4318/v1/metrics');
  expect(config.traces.sampler).toEqual({ type: 'parentbased_traceidratio', ratio: 0.25 });
  expect(config.traces.batch.maxQueueSize).toBe(4096);
  expect(config.propagators).toEqual(['tracecontext', 'baggage']);
  return config;
}

/**
 * Starts a snippet that runs until it is stopped (a consumer, a server) as `node <script>`, with
 * the receiver as its collector, and resolves once it has printed `ready`.
 */
async function startLongRunning(
  context: SnippetRun,
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<BackgroundProcess> {
  const script = path.relative(context.app.dir, context.script());
  const started = context.background(`node ${script}`, {
    OTEL_EXPORTER_OTLP_ENDPOINT: context.receiver.httpUrl,
    ...env,
  });
  await started.waitForOutput(ready);
  return started;
}

/** An app that serves one request to itself with fetch and logs it with pino, then ends. */
const HTTP_APP = `import http from 'node:http';
import pino from 'pino';

const logger = pino();
const server = http.createServer((request, response) => {
  logger.info({ 'order.id': 'o-1' }, 'order received');
  response.end('ok');
});
server.listen(0, '127.0.0.1', async () => {
  const response = await fetch(\`http://127.0.0.1:\${server.address().port}/orders\`);
  console.log('answered', response.status, await response.text());
  server.closeAllConnections();
  server.close();
});
`;

/** An app that logs one pino line inside a span of its own, then ends. */
const PINO_APP = `import { trace } from '@opentelemetry/api';
import pino from 'pino';

const logger = pino();
trace.getTracer('app').startActiveSpan('handle order', (span) => {
  logger.warn({ 'order.id': 'o-1' }, 'payment retried');
  span.end();
});
`;

/**
 * For a snippet that configures and starts telemetry and records nothing: it runs as written,
 * with the signal handlers on, and exits 0 by itself with nothing on stderr (an option it
 * misspells would reject, a bad value would warn).
 */
const STARTS_AND_EXITS: SnippetCase = {
  kind: 'run',
  async run(context) {
    expect(await context.node(context.script())).toMatchObject(NO_OUTPUT);
  },
};

export const DOC_SNIPPET_CASES: Record<string, SnippetCase> = {
  'README.md#repo-setup': {
    kind: 'fragment',
    why: 'commands of this repository (npm run setup, pnpm demo) run in a clone, not in an installed app',
  },

  'coming-from-nodesdk.md#nodesdk-setup': {
    kind: 'fragment',
    why: 'the NodeSDK setup being migrated away from: @opentelemetry/sdk-node is not installed',
  },
  'coming-from-nodesdk.md#migrated': STARTS_AND_EXITS,
  'coming-from-nodesdk.md#console-and-otlp': STARTS_AND_EXITS,

  'configuration.md#demo-interval': STARTS_AND_EXITS,
  'configuration.md#queue-budget-file': {
    kind: 'run',
    async run(context) {
      const config = await loadConfigFile(context);
      expect(config.traces.export.maxQueueBytes).toBe(16_777_216);
      expect(config.metrics.export.maxQueueBytes).toBe(16_777_216);
      expect(config.logs.export.maxQueueBytes).toBe(67_108_864);
    },
  },
  'configuration.md#retry-file': {
    kind: 'run',
    async run(context) {
      const config = await loadConfigFile(context);
      const retry = {
        maxAttempts: 3,
        initialBackoffMillis: 500,
        maxBackoffMillis: 5000,
        budgetMillis: 20_000,
      };
      expect(config.traces.export.retry).toMatchObject(retry);
      expect(config.metrics.export.retry).toMatchObject({ ...retry, maxAttempts: 10 });
    },
  },
  'configuration.md#config-file': {
    kind: 'run',
    async run(context) {
      const config = await loadExampleConfigFile(context);
      expect(config.metrics).toMatchObject({ exportIntervalMillis: 15_000, temporality: 'delta' });
    },
  },
  'configuration.md#config-error': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script('config-error.mjs'));
      // Rethrown after listing each problem as the comment in the snippet shows.
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^traces\.sampler\.ratio a number from 0 to 1$/m);
      expect(result.stderr).toContain('TelemetryConfigError');
    },
  },
  'configuration.md#redact-url': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script('redact-url.mjs'), {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:secret@collector:4318',
      });
      expect(result).toMatchObject({
        ...NO_OUTPUT,
        stdout: 'https://[REDACTED]@collector:4318/v1/traces\n',
      });
    },
  },
  'configuration.md#load-config': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script('load-config.mjs'));
      expect(result).toMatchObject({ ...NO_OUTPUT, stdout: 'http://collector:4318/v1/traces\n' });
    },
  },

  'getting-started.md#install': { kind: 'install' },
  'getting-started.md#init': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script('init.mjs'));
      expect(result).toMatchObject({
        ...NO_OUTPUT,
        stdout: `${context.receiver.httpUrl}/v1/traces\n`,
      });
    },
  },
  'getting-started.md#first-span': {
    kind: 'run',
    async run(context) {
      expect(await context.node(context.script('first-span.mjs'))).toMatchObject(NO_OUTPUT);
      const spans = await context.receiver.waitForSpans(2);
      expect(spans.map((span) => span.name).sort()).toEqual([
        'processor.process_event',
        'sum-values',
      ]);
      const event = spans.find((span) => span.name === 'processor.process_event');
      expect(event?.attributes['processor.event.type']).toBe('order');
      expect(event?.events.map((item) => item.name)).toEqual(['validated']);
      expect(event?.resource['service.name']).toBe('order-enricher');
    },
  },
  'getting-started.md#first-metric': {
    kind: 'run',
    async run(context) {
      expect(await context.node(context.script('first-metric.mjs'))).toMatchObject(NO_OUTPUT);
      const [count] = await context.receiver.waitForMetric('processor.events.processed');
      expect(count).toMatchObject({ value: 1, attributes: { 'processor.event.type': 'order' } });
      const [duration] = await context.receiver.waitForMetric('processor.processing.duration');
      expect(duration?.histogram).toMatchObject({ count: 1, sum: 0.012 });
    },
  },
  'getting-started.md#receiver': {
    kind: 'run',
    async run(context) {
      // "See it arrive" as the page tells it: the receiver in one terminal, the service (the
      // first-span snippet, built to dist/main.js) pointed at it in another. The receiver is
      // given free ports: the standard 4317/4318 may be taken on a shared machine.
      const receiverCommand = substitute(
        context.snippet.body.trim(),
        'npx otlp-receiver',
        'npx otlp-receiver --grpc-port 0 --http-port 0',
      );
      const cli = context.background(receiverCommand);
      try {
        const [, httpUrl] = await cli.waitForOutput(/HTTP (http:\/\/127\.0\.0\.1:\d+)/);
        context.write('dist/package.json', '{ "type": "module" }\n');
        context.script('dist/main.js', context.snippetOf('getting-started.md#first-span').body);
        const service = substitute(
          context.snippetOf('getting-started.md#service-to-receiver').body.trim(),
          'http://127.0.0.1:4318',
          httpUrl ?? '',
        );
        expect(await context.shell(service)).toMatchObject(NO_OUTPUT);
        // Its waterfall shows the trace of each span.
        await cli.waitForOutput(
          /sum-values[\s\S]*\n[\s\S]*processor\.process_event|processor\.process_event[\s\S]*sum-values/,
        );
      } finally {
        // Ctrl-C stops it: npx ends by the signal it passed on, as npm does, and nothing failed.
        const stopped = await cli.stop('SIGINT');
        expect(stopped).toMatchObject({ stderr: '' });
        expect([0, 'SIGINT']).toContain(stopped.code ?? stopped.signal);
      }
    },
  },
  'getting-started.md#service-to-receiver': {
    kind: 'run',
    runsWith: 'getting-started.md#receiver',
  },
  'getting-started.md#shutdown': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script('shutdown.mjs'));
      expect(result).toMatchObject(NO_OUTPUT);
      // The one report line, at info (the default OTEL_LOG_LEVEL).
      expect(result.stdout).toMatch(/^@proc\/telemetry shutdown: spans 0 ended, 0 exported/m);
    },
  },

  'logs.md#emit': {
    kind: 'run',
    async run(context) {
      expect(await context.node(context.script('emit.mjs'))).toMatchObject({ code: 0, stderr: '' });
      const [record] = await context.receiver.waitForLogs(1, {
        body: 'price service slow, using the cached price',
      });
      expect(record).toMatchObject({
        severityNumber: SeverityNumber.WARN,
        severityText: 'WARN',
        attributes: { 'order.id': 'o-17', 'cache.age_ms': 900 },
      });
      const [span] = await context.receiver.waitForSpans(1, { name: 'enrich order' });
      expect([record?.traceId, record?.spanId]).toEqual([span?.traceId, span?.spanId]);
    },
  },
  'logs.md#pino-zero-code': {
    kind: 'run',
    async run(context) {
      context.write('app.mjs', PINO_APP); // the app: one pino line inside a span
      const result = await context.shell(context.snippet.body.trim(), {
        OTEL_EXPORTER_OTLP_ENDPOINT: context.receiver.httpUrl,
      });
      expect(result).toMatchObject(NO_OUTPUT);
      const [record] = await context.receiver.waitForLogs(1, { body: 'payment retried' });
      expect(record).toMatchObject({
        severityNumber: SeverityNumber.WARN,
        severityText: 'warn',
        attributes: { 'order.id': 'o-1' },
      });
      const [span] = await context.receiver.waitForSpans(1, { name: 'handle order' });
      expect(record?.traceId).toBe(span?.traceId);
      // The line pino writes carries the same ids.
      const line = JSON.parse(result.stdout.trim().split('\n')[0] ?? '{}') as Record<
        string,
        unknown
      >;
      expect(line).toMatchObject({
        msg: 'payment retried',
        trace_id: span?.traceId,
        span_id: span?.spanId,
      });
    },
  },
  'logs.md#pino-in-code': STARTS_AND_EXITS,
  'logs.md#stack-log-file': {
    kind: 'fragment',
    why: "the file the local stack's collector writes (pnpm stack up in this repository); tail -f never ends",
  },

  'operations.md#shutdown-on-sigterm': {
    kind: 'fragment',
    why: "the SIGTERM path of a long-running consumer: it calls your consumer's disconnect() and only acts on a signal",
  },
  'operations.md#sampling': STARTS_AND_EXITS,
  'operations.md#views': STARTS_AND_EXITS,
  'operations.md#doctor': {
    kind: 'run',
    async run(context) {
      const { receiver } = context;
      const command = context.snippet.body.trim();
      // The collector of the page is the receiver: every signal delivered, exit 0.
      const ok = await context.shell(
        substitute(command, 'http://collector:4318', receiver.httpUrl),
      );
      expect(ok).toMatchObject(NO_OUTPUT);
      for (const signal of ['traces', 'metrics', 'logs']) {
        expect(ok.stdout).toMatch(new RegExp(`^ok +${signal}: delivered one `, 'm'));
      }
      await receiver.waitForSpans(1, { name: 'proc-telemetry doctor' });
      // Pointed at its gRPC port instead, it prints the line the page shows, and exits 1.
      const wrongPort = await context.shell(
        substitute(command, 'http://collector:4318', receiver.grpcUrl),
      );
      expect(wrongPort.code).toBe(1);
      const port = new URL(receiver.grpcUrl).port;
      expect(wrongPort.stdout).toContain(
        `FAIL traces: OTLP/HTTP (protobuf) sent to a gRPC port: 127.0.0.1:${port} answers HTTP/2; fix: point OTEL_EXPORTER_OTLP_ENDPOINT at the collector's OTLP/HTTP port (4318 by default), or set OTEL_EXPORTER_OTLP_PROTOCOL=grpc to use this port`,
      );
      expect(wrongPort.stdout).toMatch(/^3 problems found$/m);
    },
  },

  'stream-processing.md#producer': {
    kind: 'fragment',
    why: "a step of a processor after initTelemetry(), sending through your Kafka client (producer, order); apps/demo-processor's tests run the same calls",
  },
  'stream-processing.md#batch-consumer': {
    kind: 'fragment',
    why: "the batch handler of your Kafka consumer (consumer, handle); apps/demo-processor's tests run the same calls",
  },
  'stream-processing.md#metrics': {
    kind: 'run',
    async run(context) {
      expect(await context.node(context.script('metrics.mjs'))).toMatchObject(NO_OUTPUT);
      const receiver = context.receiver;
      expect((await receiver.waitForMetric('processor.events.received'))[0]?.value).toBe(1);
      expect((await receiver.waitForMetric('processor.events.dropped'))[0]?.attributes).toEqual({
        'error.type': 'poison_message',
      });
      expect((await receiver.waitForMetric('processor.batch.size'))[0]?.histogram?.sum).toBe(250);
      expect((await receiver.waitForMetric('processor.windows.active'))[0]?.value).toBe(1);
      expect((await receiver.waitForMetric('processor.watermark.lag'))[0]?.value).toBe(2.5);
    },
  },
  'stream-processing.md#exemplars': {
    kind: 'run',
    async run(context) {
      expect(await context.node(context.script('exemplars.mjs'))).toMatchObject(NO_OUTPUT);
      const [span] = await context.receiver.waitForSpans(1, { name: 'process batch' });
      const [point] = await context.receiver.waitForMetric('processor.processing.duration');
      expect(point?.exemplars).toEqual([
        expect.objectContaining({ value: 0.004, traceId: span?.traceId, spanId: span?.spanId }),
      ]);
    },
  },
  'stream-processing.md#trace-ids-in-logs': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script('trace-ids-in-logs.mjs'));
      expect(result).toMatchObject(NO_OUTPUT);
      const [span] = await context.receiver.waitForSpans(1, { name: 'processor.window.emit' });
      const line = JSON.parse(result.stdout.split('\n')[0] ?? '{}') as Record<string, unknown>;
      expect(line).toEqual({
        msg: 'window emitted',
        'processor.window.id': 'order@1700000000000',
        trace_id: span?.traceId,
        span_id: span?.spanId,
        trace_flags: '01',
      });
    },
  },
  'stream-processing.md#kafka-demo': {
    kind: 'fragment',
    why: 'commands of this repository with the local stack and a Kafka broker (pnpm test:e2e runs them)',
  },
  'stream-processing.md#python-chain': {
    kind: 'fragment',
    why: 'commands of this repository with the local stack, Kafka and the Python relay (pnpm test:e2e runs them)',
  },

  'testing.md#install': { kind: 'install' },
  'testing.md#jest-test': {
    kind: 'run',
    async run(context) {
      // Jest, run as the page says (NODE_OPTIONS=--experimental-vm-modules), on the test as an
      // ES module without a transform.
      context.script('order-handling.test.mjs');
      const result = await context.shell(
        `npx --no-install jest --ci --config '{"transform":{}}' order-handling.test.mjs`,
        { NODE_OPTIONS: '--experimental-vm-modules' },
      );
      expect(result).toMatchObject({ code: 0 });
      expect(result.stderr).toContain('✓ should export the span and count the event');
      expect(result.stderr).toMatch(/^Tests: +1 passed, 1 total$/m);
    },
  },
  'testing.md#span-tree': {
    kind: 'fragment',
    why: 'a continuation of a test (declare const receiver) whose receiver already holds a batch trace with links',
  },
  'testing.md#web-view': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script('web-view.mjs'));
      expect(result).toMatchObject(NO_OUTPUT);
      expect(result.stdout).toMatch(/^traces at http:\/\/127\.0\.0\.1:\d+\/$/m);
    },
  },
  'testing.md#repo-commands': {
    kind: 'fragment',
    why: 'pnpm --filter and pnpm demo are commands of this repository, not of an installed app',
  },

  'zero-code.md#install': { kind: 'install' },
  'zero-code.md#register': {
    kind: 'run',
    async run(context) {
      // The app is HTTP_APP; the collector of the page is the receiver.
      context.write('app.mjs', HTTP_APP);
      const command = substitute(
        context.snippet.body.trim(),
        'http://collector:4318',
        context.receiver.httpUrl,
      );
      const result = await context.shell(command);
      expect(result).toMatchObject(NO_OUTPUT);
      expect(result.stdout).toContain('answered 200 ok');
      await context.receiver.waitForSpans(2);
      const spans = context.receiver.spans();
      const server = spans.find(
        (span) => span.scope.name === '@opentelemetry/instrumentation-http',
      );
      const client = spans.find(
        (span) => span.scope.name === '@opentelemetry/instrumentation-undici',
      );
      expect(server?.attributes).toMatchObject({
        'url.path': '/orders',
        'http.response.status_code': 200,
      });
      expect(client?.attributes).toMatchObject({ 'http.request.method': 'GET' });
      // One trace: the server span is a child of fetch's client span.
      expect(server?.parentSpanId).toBe(client?.spanId);
      expect(server?.resource['service.name']).toBe('order-enricher');
      const [record] = await context.receiver.waitForLogs(1, { body: 'order received' });
      expect([record?.traceId, record?.spanId]).toEqual([server?.traceId, server?.spanId]);
      // runtime-node: flushed when the app ended by itself.
      await context.receiver.waitForMetric('v8js.memory.heap.used');
    },
  },
  'zero-code.md#instrumentations-in-code': STARTS_AND_EXITS,

  // The package READMEs, beyond their install line and quick start.
  'telemetry/README.md#stream-processor': {
    kind: 'run',
    async run(context) {
      const { receiver } = context;
      const processor = await startLongRunning(context, /^enriched order o-1$/m);
      // `kill`: the handlers flush, then the process ends by SIGTERM, as the page says.
      expect(await processor.stop('SIGTERM')).toMatchObject({ signal: 'SIGTERM', stderr: '' });
      const [span] = await receiver.waitForSpans(1, { name: 'processor.process_event' });
      expect(span).toMatchObject({
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        parentSpanId: '00f067aa0ba902b7',
        resource: {
          'service.name': 'order-enricher',
          'service.version': '1.4.0',
          'processor.name': 'order-enricher',
          'processor.pipeline.id': 'orders',
          'processor.worker.id': '3',
        },
      });
      const [count] = await receiver.waitForMetric('processor.events.processed');
      expect(count?.value).toBeGreaterThanOrEqual(1);
    },
  },
  'telemetry/README.md#cli': {
    kind: 'run',
    async run(context) {
      const { receiver } = context;
      // The synopsis, each line without its optional [flags]: the two commands.
      const [config, doctor] = context.snippet.body
        .trim()
        .split('\n')
        .map((line) => line.replace(/ \[[^\]]*\]/g, ''));
      expect([config, doctor]).toEqual(['npx proc-telemetry config', 'npx proc-telemetry doctor']);
      const env = {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer not-to-be-printed',
      };
      const printed = await context.shell(`${config}`, env);
      expect(printed).toMatchObject(NO_OUTPUT);
      expect(printed.stdout).toContain(
        `endpoint: ${receiver.httpUrl}/v1/traces # env:OTEL_EXPORTER_OTLP_ENDPOINT`,
      );
      expect(printed.stdout).not.toContain('not-to-be-printed');
      const json = await context.shell(`${config} --format json`, env);
      expect(json).toMatchObject(NO_OUTPUT);
      expect(JSON.parse(json.stdout)).toMatchObject({
        config: { traces: { export: { endpoint: `${receiver.httpUrl}/v1/traces` } } },
      });
      const diagnosed = await context.shell(`${doctor} --signal traces`, env);
      expect(diagnosed).toMatchObject(NO_OUTPUT);
      expect(diagnosed.stdout).toMatch(/^ok +traces: delivered one /m);
      await receiver.waitForSpans(1, { name: 'proc-telemetry doctor' });
    },
  },
  // An import of the subpath: ESM fails to link when a name is missing.
  'telemetry/README.md#semconv-import': STARTS_AND_EXITS,

  'telemetry-config/README.md#usage': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script(), {
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer not-to-be-printed',
      });
      expect(result).toMatchObject(NO_OUTPUT);
      expect(result.stdout).toContain(`endpoint: '${context.receiver.httpUrl}/v1/traces'`);
      expect(result.stdout).toContain("headers: { authorization: '[REDACTED]' }");
      expect(result.stdout).not.toContain('not-to-be-printed');
    },
  },
  'telemetry-config/README.md#explain': {
    kind: 'run',
    async run(context) {
      const result = await context.node(context.script(), { OTEL_BSP_MAX_QUEUE_SIZE: '4096' });
      expect(result).toMatchObject(NO_OUTPUT);
      // The object of the comment, as Node prints it, and no warnings.
      expect(result.stdout.replace(/\s+/g, ' ')).toBe(
        "{ path: 'traces.batch.maxQueueSize', value: 4096, source: 'env', origin: 'env:OTEL_BSP_MAX_QUEUE_SIZE' } [] ",
      );
    },
  },
  'telemetry-config/README.md#config-file': {
    kind: 'run',
    async run(context) {
      const config = await loadExampleConfigFile(context);
      // ${METRICS_PORT:-9464}: the fallback, read as a number.
      expect(config.metrics).toMatchObject({
        exporter: ['prometheus'],
        prometheus: { port: 9464 },
      });
    },
  },

  'telemetry-context/README.md#http-node': {
    kind: 'fragment',
    why: "one call each in your server's handler and your client request (http, url, tracer and SpanKind are your app's); zero-code.md#register runs an HTTP server and client end to end",
    declares: `
import http from 'node:http';
import { SpanKind, type Tracer } from '@opentelemetry/api';
declare const tracer: Tracer;
declare const url: URL;
`,
  },
  'telemetry-context/README.md#fetch': {
    kind: 'fragment',
    why: 'two fetch calls of your app (url is yours), inside an initTelemetry() process',
    declares: `
import { injectIntoHeaders } from '@proc/telemetry-context';
declare const url: string;
`,
  },
  'telemetry-context/README.md#message-queues': {
    kind: 'fragment',
    why: "a producer and a consumer step of your Kafka client (producer, batch, handle); stream-processing.md's batch-consumer and apps/demo-processor's tests run the same calls",
    declares: `
import { context } from '@opentelemetry/api';
interface Message { value: string; offset: string; headers: Record<string, string> }
declare const producer: {
  send(record: { topic: string; messages: Array<Pick<Message, 'value' | 'headers'>> }): Promise<void>;
};
declare const value: string;
declare const batch: { messages: Message[] };
declare function handle(batch: { messages: Message[] }): Promise<void>;
`,
  },
  'telemetry-context/README.md#propagators': {
    kind: 'fragment',
    why: "one call with your loaded config; the package's quick start runs createPropagator(['tracecontext', 'baggage'])",
    declares: `
import type { TelemetryConfig } from '@proc/telemetry-config';
declare const config: TelemetryConfig;
`,
  },
  'telemetry-context/README.md#baggage': {
    kind: 'fragment',
    why: 'calls inside a process with a registered context manager (context and url are yours); the quick start runs setBaggage, injection and getBaggage',
    declares: `
import { context } from '@opentelemetry/api';
import { injectIntoHeaders } from '@proc/telemetry-context';
declare const url: string;
`,
  },
  'telemetry-context/README.md#baggage-span-processor': {
    kind: 'fragment',
    why: 'the spanProcessors option of your own tracer provider (batchProcessor is yours)',
    declares: `
import { BasicTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createBaggageSpanProcessor } from '@proc/telemetry-context';
declare const batchProcessor: SpanProcessor;
`,
  },
  'telemetry-context/README.md#async-work': {
    kind: 'fragment',
    why: 'one line each for your queue, job and emitter',
    declares: `
import type { EventEmitter } from 'node:events';
import { type Context, context } from '@opentelemetry/api';
declare const ctx: Context;
declare const queue: Array<() => void>;
declare const job: () => void;
declare const emitter: EventEmitter;
`,
  },
  'telemetry-context/README.md#log-correlation': {
    kind: 'fragment',
    why: 'one line of your pino set-up; stream-processing.md#trace-ids-in-logs runs it with pino',
    declares: `
import { currentTraceIds } from '@proc/telemetry-context';
import pino from 'pino';
`,
  },
  'telemetry-context/README.md#conformance-server': {
    kind: 'fragment',
    why: 'a command of this repository (pnpm --filter) and of a checkout of w3c/trace-context',
  },

  'telemetry-metrics/README.md#usage': {
    kind: 'run',
    async run(context) {
      const { receiver } = context;
      // A short export interval, so that the events it records show when they are recorded.
      const processor = await startLongRunning(context, /^recording; SIGTERM exports and exits$/m, {
        OTEL_SERVICE_NAME: 'metrics-usage',
        OTEL_METRIC_EXPORT_INTERVAL: '500',
      });
      await receiver.waitForMetric('processor.events.processed', { timeoutMs: 20_000 });
      // On SIGTERM: one last export, then the process ends by the signal.
      receiver.clear();
      expect(await processor.stop('SIGTERM')).toMatchObject({ signal: 'SIGTERM', stderr: '' });
      const [count] = await receiver.waitForMetric('processor.events.processed');
      expect(count).toMatchObject({
        attributes: {
          'pipeline.name': 'orders',
          'processor.name': 'enricher',
          'processor.event.type': 'order',
        },
        resource: { 'service.name': 'metrics-usage' },
      });
      expect(count?.value).toBeGreaterThanOrEqual(1);
      const [duration] = await receiver.waitForMetric('processor.processing.duration');
      expect(duration?.histogram?.count).toBe(count?.value);
    },
  },
  'telemetry-metrics/README.md#observe-gauge': {
    kind: 'fragment',
    why: "a continuation of the usage example (recorder) with your queue's depths",
    declares: `
import { METRIC_ATTRIBUTES, type MetricsRecorder } from '@proc/telemetry-metrics';
declare const recorder: MetricsRecorder;
declare const queue: { depths(): Map<string, number> };
`,
  },
  'telemetry-metrics/README.md#exemplars': {
    kind: 'fragment',
    why: 'a continuation of the usage example (handle) inside your traced code (tracer, enrich, order); stream-processing.md#exemplars runs the same',
    declares: `
import type { Tracer } from '@opentelemetry/api';
import { METRIC_NAMES, type MetricsHandle } from '@proc/telemetry-metrics';
declare const handle: MetricsHandle;
declare const tracer: Tracer;
declare const order: { id: string };
declare function enrich(order: { id: string }): void;
`,
  },
  'telemetry-metrics/README.md#views': {
    kind: 'fragment',
    why: 'the options of the initMeterProvider() call of the usage example (config, resource)',
    declares: `
import type { TelemetryConfig } from '@proc/telemetry-config';
import { initMeterProvider } from '@proc/telemetry-metrics';
declare const config: TelemetryConfig;
declare const resource: Parameters<typeof initMeterProvider>[1];
`,
  },
  'telemetry-metrics/README.md#prometheus-exporter': {
    kind: 'run',
    runsWith: 'telemetry-metrics/README.md#prometheus',
  },
  'telemetry-metrics/README.md#prometheus': {
    kind: 'run',
    async run(context) {
      // The optional exporter, added to the packed install as the README says (with pnpm, `pnpm
      // add`): the tree stays without it until here, so packed.wire.test.ts checks the default one.
      const install = context
        .snippetOf('telemetry-metrics/README.md#prometheus-exporter')
        .body.trim();
      const added = await context.shell(
        context.packageManager === 'npm'
          ? `${install} --no-audit --no-fund --prefer-offline`
          : `${substitute(install, 'npm install', 'pnpm add')} --prefer-offline`,
        { CI: 'true' },
      );
      expect(added).toMatchObject({ code: 0 });
      // app.js is the usage example; the port is a free one, on loopback.
      context.write('metrics-app/package.json', '{ "type": "module" }\n');
      context.script(
        'metrics-app/app.js',
        context.snippetOf('telemetry-metrics/README.md#usage').body,
      );
      const port = await freePort();
      let command = substitute(
        context.snippet.body.trim(),
        'node app.js',
        'node metrics-app/app.js',
      );
      command = substitute(command, 'HOST=0.0.0.0', 'HOST=127.0.0.1');
      command = substitute(command, 'PORT=9464', `PORT=${port}`);
      const app = context.background(command);
      try {
        await app.waitForOutput(/^recording; SIGTERM exports and exits$/m);
        const scraped = await waitFor(
          'the first counted event on /metrics',
          async () => {
            const response = await fetch(`http://127.0.0.1:${port}/metrics`);
            const text = await response.text();
            return text.includes('processor_events_processed_total{') && text;
          },
          { timeoutMs: 20_000 },
        );
        expect(scraped).toMatch(
          /^processor_events_processed_total\{[^}]*processor_event_type="order"[^}]*\} \d+/m,
        );
        expect(scraped).toContain('processor_processing_duration_bucket{');
        expect(scraped).toContain('target_info{');
      } finally {
        expect(await app.stop('SIGTERM')).toMatchObject({ signal: 'SIGTERM', stderr: '' });
      }
    },
  },

  'telemetry-resource/README.md#builder': {
    kind: 'run',
    async run(context) {
      expect(await resourceOf(context)).toMatchObject({
        'service.name': 'order-enricher',
        'service.version': '1.4.0',
        'deployment.environment.name': 'production',
        'process.pid': expect.any(Number),
      });
    },
  },
  'telemetry-resource/README.md#from-config': {
    kind: 'run',
    async run(context) {
      const attributes = await resourceOf(context, {
        OTEL_SERVICE_NAME: 'order-enricher',
        OTEL_RESOURCE_ATTRIBUTES: 'team=streaming',
      });
      expect(attributes).toMatchObject({
        'service.name': 'order-enricher',
        team: 'streaming',
        'host.name': expect.any(String),
      });
    },
  },
  'telemetry-resource/README.md#processor': {
    kind: 'run',
    async run(context) {
      const attributes = await resourceOf(context, { OTEL_SERVICE_NAME: 'order-enricher' });
      expect(attributes).toMatchObject({
        'service.name': 'order-enricher',
        'processor.name': 'order-enricher',
        'processor.pipeline.id': 'orders',
        'processor.pipeline.stage': 'enrich',
        'processor.worker.id': '3',
        'processor.partitions': [6, 7],
      });
    },
  },

  'telemetry-testing/README.md#jest-test': {
    kind: 'fragment',
    why: "a test of your code (runCheckout); the package's readme-example.test.ts runs it with a runCheckout, and testing.md#jest-test runs a jest test from the packed install",
    declares: `
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
declare function runCheckout(exporter: SpanExporter): Promise<void>;
`,
  },
  'telemetry-testing/README.md#int-value': {
    kind: 'fragment',
    why: 'two lines of a test whose receiver got a queue.depth gauge',
    declares: `
import type { OtlpReceiver } from '@proc/telemetry-testing';
declare const receiver: OtlpReceiver;
`,
  },
  'telemetry-testing/README.md#rendering': {
    kind: 'fragment',
    why: 'a continuation of a test whose receiver holds a checkout trace; the otlp-receiver CLI (getting-started.md#receiver) prints the same waterfall',
    declares: `
import type { OtlpReceiver } from '@proc/telemetry-testing';
declare const receiver: OtlpReceiver;
`,
  },
  'telemetry-testing/README.md#web-view': {
    kind: 'run',
    async run(context) {
      // Port 8318 may be taken on a shared machine: a free one instead.
      context.script(
        'web-view.mjs',
        substitute(context.snippet.body, '{ port: 8318 }', '{ port: 0 }'),
      );
      const view = context.background('node web-view.mjs');
      try {
        const [, url] = await view.waitForOutput(/^traces at (http:\/\/127\.0\.0\.1:\d+\/)$/m);
        const page = await fetch(url ?? '');
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<html');
        const summary = await fetch(`${url}api/summary`);
        expect(summary.status).toBe(200);
        expect(await summary.json()).toEqual(expect.any(Object));
      } finally {
        // It serves until stopped.
        expect(await view.stop('SIGTERM')).toMatchObject({ signal: 'SIGTERM', stderr: '' });
      }
    },
  },
  'telemetry-testing/README.md#test-helpers': {
    kind: 'fragment',
    why: "a test of your code (processBatch) warning through diag; the package's readme-example.test.ts runs it with a processBatch",
    declares: `
declare function processBatch(): void;
`,
  },
  'telemetry-testing/README.md#cli': {
    kind: 'fragment',
    why: 'the synopsis of otlp-receiver, [options] in brackets; getting-started.md#receiver runs the command from the packed install',
  },

  'telemetry-tracing/README.md#handle': {
    kind: 'fragment',
    why: 'an outline of the TracingHandle type, not code to run',
    declares: `
import type { Tracer } from '@opentelemetry/api';
import type { BasicTracerProvider, Sampler } from '@opentelemetry/sdk-trace-base';
import type {
  ShutdownReport,
  SpanExportCounts,
  TracingHandle as TheRealHandle,
} from '@proc/telemetry-tracing';
// The outline must describe the real handle: this fails when a member it shows changes.
declare const real: TheRealHandle;
export const outline: TracingHandle = real;
`,
  },
  'telemetry-tracing/README.md#sampling-ratio': {
    kind: 'fragment',
    why: "two calls on the handle of your initTracerProvider() (tracing); the package's tests run setSamplingRatio",
    declares: `
import type { TracingHandle } from '@proc/telemetry-tracing';
declare const tracing: TracingHandle;
`,
  },
  'telemetry-tracing/README.md#span-helpers': {
    kind: 'fragment',
    why: "a copy of test/examples/span-helpers.ts, which the package's tests run with their fixtures (upstream, event, store)",
    declares: `
import type { SpanContext } from '@opentelemetry/api';
interface RawEvent { id: string; raw: string }
declare const upstream: SpanContext;
declare const event: RawEvent;
declare const store: { save(event: RawEvent): Promise<void> };
`,
  },
};
