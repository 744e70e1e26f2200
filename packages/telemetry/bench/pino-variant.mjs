// One variant of pino-log-sending.bench.mjs, in its own process: logs LINES lines inside a span
// to /dev/null, sends them as OTLP log records the variant's way, and prints one JSON line with
// the app thread's time for the loop, the process's CPU time and the time until all were sent.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { trace } from '@opentelemetry/api';
import { initTelemetry, withSpan } from '../dist/esm/index.js';

const [variant, lines] = [process.argv[2], Number(process.argv[3])];
const require = createRequire(import.meta.url);
const env = {
  OTEL_SERVICE_NAME: 'pino-bench',
  OTEL_EXPORTER_OTLP_ENDPOINT: process.env.BENCH_ENDPOINT,
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
  OTEL_TRACES_EXPORTER: 'none',
  OTEL_METRICS_EXPORTER: 'none',
  OTEL_LOG_LEVEL: 'error',
  OTEL_BLRP_MAX_QUEUE_SIZE: String(lines),
  OTEL_BLRP_MAX_EXPORT_BATCH_SIZE: '512',
  OTEL_NODE_ENABLED_INSTRUMENTATIONS: variant === 'instrumentation' ? 'pino' : '',
};

const telemetry = variant === 'plain' ? undefined : await initTelemetry({ env });
// Loaded after initTelemetry(): the pino instrumentation patches it as it loads (CommonJS hook).
const pino = require('pino');
const devNull = pino.destination({ dest: '/dev/null', sync: true });

let transport;
let logger;
if (variant === 'transport') {
  transport = pino.transport({
    target: fileURLToPath(new URL('./otlp-transport.mjs', import.meta.url)),
    options: { env: { ...env, OTEL_NODE_ENABLED_INSTRUMENTATIONS: '' } },
  });
  // The worker has no active span: the ids travel in the line, as a mixin adds them.
  logger = pino(
    { mixin: () => telemetryIds() },
    pino.multistream([{ stream: devNull }, { stream: transport }]),
  );
} else {
  logger = pino(devNull);
}

/** What the pino instrumentation's log correlation adds to a line, here by hand. */
function telemetryIds() {
  const span = trace.getActiveSpan();
  if (span === undefined) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}` };
}

const cpuStart = process.cpuUsage();
const loopStart = performance.now();
withSpan('bench', () => {
  for (let i = 0; i < lines; i++) logger.info({ order: i, partition: i % 6 }, 'order enriched');
});
const loopMs = performance.now() - loopStart;

if (transport) {
  // pino unrefs its worker: keep this process alive until the worker has exported and closed.
  const keepAlive = setInterval(() => undefined, 1000);
  await new Promise((resolve) => {
    transport.once('close', resolve);
    transport.end();
  });
  clearInterval(keepAlive);
}
await telemetry?.shutdown({ timeoutMillis: 60_000 });
const deliveredMs = performance.now() - loopStart;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(
  `${JSON.stringify({ variant, loopMs, deliveredMs, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`,
);
