import { spawn } from 'node:child_process';
import path from 'node:path';
import { findRepoRoot } from '../../src/paths.js';
import type { StackPorts } from '../../src/ports.js';

/** The OTLP protocols of `OTEL_EXPORTER_OTLP_PROTOCOL`. */
export type OtlpProtocol = 'grpc' | 'http/protobuf' | 'http/json';

/** What the demo's `demo finished` log line reports. */
export interface DemoStats {
  batches: number;
  produced: number;
  received: number;
  processed: number;
  duplicates: number;
  late: number;
  droppedLate: number;
  droppedPoison: number;
  windowsEmitted: number;
}

/** The span counts of the shutdown report line (`@proc/telemetry shutdown: spans …`). */
export interface ReportedSpanCounts {
  ended: number;
  exported: number;
  queued: number;
  dropped: number;
  failed: number;
  unencodable: number;
  open: number;
  endedAfterShutdown: number;
}

/** The log record counts of the shutdown report line (`…; log records N emitted, N exported, …`). */
export interface ReportedLogRecordCounts {
  emitted: number;
  exported: number;
}

export interface DemoRun {
  stats: DemoStats;
  spans: ReportedSpanCounts;
  logRecords: ReportedLogRecordCounts;
  output: string;
}

export interface RunningDemo {
  /** Resolves when the demo has exited 0 and its report was read; rejects otherwise. */
  done: Promise<DemoRun>;
  /** stdout and stderr so far. */
  output(): string;
}

const DEMO_MAIN = path.join(findRepoRoot(), 'apps', 'demo-processor', 'dist', 'cjs', 'main.js');

/** A unique `service.name`, so each run's traces and series are told apart from earlier runs. */
export function uniqueServiceName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${process.pid}`;
}

/** Reads `key=value` numbers of the `demo finished` line. */
export function parseDemoStats(output: string): DemoStats | undefined {
  const line = output.split('\n').find((l) => l.includes('demo finished'));
  if (!line) return undefined;
  const values = Object.fromEntries(
    [...line.matchAll(/(\w+)=(\d+)/g)].map((m) => [m[1]!, Number(m[2])]),
  );
  return values as unknown as DemoStats;
}

/**
 * Reads the spans' clause of the shutdown report line (`shutdown: spans N ended, N exported, N
 * failed, N dropped (queue full), N still queued[, N unencodable][, N ended after shutdown], N
 * still open; …`): every span the demo ended, by what became of it.
 */
export function parseSpanReport(output: string): ReportedSpanCounts | undefined {
  const m =
    /shutdown: spans (\d+) ended, (\d+) exported, (\d+) failed, (\d+) dropped \(queue full\), (\d+) still queued(?:, (\d+) unencodable)?(?:, (\d+) ended after shutdown)?, (\d+) still open/.exec(
      output,
    );
  if (!m) return undefined;
  const count = (i: number): number => Number(m[i] ?? 0);
  return {
    ended: count(1),
    exported: count(2),
    failed: count(3),
    dropped: count(4),
    queued: count(5),
    unencodable: count(6),
    endedAfterShutdown: count(7),
    open: count(8),
  };
}

/** Reads the log records' clause of the shutdown report line: how many were emitted and exported. */
export function parseLogRecordReport(output: string): ReportedLogRecordCounts | undefined {
  const m = /shutdown: .*?\blog records (\d+) emitted, (\d+) exported/.exec(output);
  return m ? { emitted: Number(m[1]), exported: Number(m[2]) } : undefined;
}

/**
 * Runs the built demo (apps/demo-processor, `node dist/cjs/main.js`) against the stack's
 * collector with `protocol`, as a user would with OTEL_EXPORTER_OTLP_ENDPOINT. Bounded: killed
 * if still running a minute after its duration.
 */
export function startDemo(options: {
  ports: StackPorts;
  protocol: OtlpProtocol;
  serviceName: string;
  durationSeconds: number;
  rate?: number;
}): RunningDemo {
  const { ports, protocol } = options;
  const port = protocol === 'grpc' ? ports.collectorOtlpGrpc : ports.collectorOtlpHttp;
  const child = spawn(
    process.execPath,
    [
      DEMO_MAIN,
      '--duration',
      String(options.durationSeconds),
      '--rate',
      String(options.rate ?? 50),
    ],
    {
      env: {
        ...process.env,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_SERVICE_NAME: options.serviceName,
        // The shutdown report (spans ended, exported, lost) is an info line of the diag logger.
        OTEL_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const killTimer = setTimeout(() => child.kill('SIGKILL'), (options.durationSeconds + 60) * 1000);
  const done = new Promise<DemoRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(killTimer);
      const stats = parseDemoStats(output);
      const spans = parseSpanReport(output);
      const logRecords = parseLogRecordReport(output);
      if (code !== 0 || !stats || !spans || !logRecords) {
        reject(
          new Error(
            `the demo (${protocol}) exited with ${signal ?? code}` +
              `${stats ? '' : ', without its "demo finished" line'}` +
              `${spans ? '' : ', without the tracing shutdown report'}` +
              `${logRecords ? '' : ', without the logs shutdown report'}; its output ended:\n` +
              output.split('\n').slice(-20).join('\n'),
          ),
        );
        return;
      }
      resolve({ stats, spans, logRecords, output });
    });
  });
  return { done, output: () => output };
}
