import { spawn } from 'node:child_process';
import path from 'node:path';
import { findRepoRoot } from '../../src/paths.js';
import type { StackPorts } from '../../src/ports.js';
import { parseSpanReport, type ReportedSpanCounts } from './demo-process.js';

/** One process of a run on the broker: the producer or a worker, as its output lines tell. */
export interface DemoProcessOutput {
  /** `producer`, `worker-1`, … */
  name: string;
  /** Its lines, without the `worker-N | ` prefix. */
  lines: string[];
  /** Its `service.instance.id` (from its `telemetry exporting` line). */
  instanceId?: string;
  /** Its tracing shutdown report; absent for a process that was killed. */
  spans?: ReportedSpanCounts;
  /** key=value numbers of its last line containing `marker`. */
  last(marker: string): Record<string, number> | undefined;
}

export interface KafkaDemoRun {
  code: number | null;
  output: string;
  processes: Map<string, DemoProcessOutput>;
  /** The producer's `demo finished` numbers (produced, received, …, lag, workersFailed). */
  finished: Record<string, number>;
}

export interface RunningKafkaDemo {
  /** Resolves when the producer process has exited (whatever its code). */
  done: Promise<KafkaDemoRun>;
  /** The output so far, split by process. */
  processes(): Map<string, DemoProcessOutput>;
  output(): string;
}

const DEMO_MAIN = path.join(findRepoRoot(), 'apps', 'demo-processor', 'dist', 'cjs', 'main.js');

const numbers = (line: string) =>
  Object.fromEntries([...line.matchAll(/(\w+)=(\d+)(?=\s|$)/g)].map((m) => [m[1]!, Number(m[2])]));

/** Splits the producer process's output into its own lines and each worker's. */
export function splitByProcess(output: string): Map<string, DemoProcessOutput> {
  const byName = new Map<string, string[]>();
  for (const raw of output.split('\n')) {
    const match = /^(worker-\d+) \| (.*)$/.exec(raw);
    const name = match ? match[1]! : 'producer';
    const line = match ? match[2]! : raw;
    byName.set(name, [...(byName.get(name) ?? []), line]);
  }
  const result = new Map<string, DemoProcessOutput>();
  for (const [name, lines] of byName) {
    const text = lines.join('\n');
    const exporting = lines.find((l) => l.includes('telemetry exporting'));
    result.set(name, {
      name,
      lines,
      ...(exporting ? { instanceId: /service\.instance\.id=(\S+)/.exec(exporting)?.[1] } : {}),
      ...(parseSpanReport(text) ? { spans: parseSpanReport(text) } : {}),
      last(marker) {
        const line = [...lines].reverse().find((l) => l.includes(marker));
        return line ? numbers(line) : undefined;
      },
    });
  }
  return result;
}

/**
 * Runs the built demo on the stack's Kafka (`--broker`) with `workers` workers, exporting over
 * OTLP/HTTP to the stack's collector as `serviceName`, on a topic and group of its own (so no
 * earlier run's records are read). Bounded: killed a minute and a half after its duration.
 */
export function startKafkaDemo(options: {
  ports: StackPorts;
  serviceName: string;
  topic: string;
  workers: number;
  durationSeconds: number;
  rate?: number;
  relay?: boolean;
  instrumentKafkajs?: boolean;
  /** More environment variables of the demo (e.g. `OTEL_NODE_ENABLED_INSTRUMENTATIONS`). */
  env?: Record<string, string>;
}): RunningKafkaDemo {
  const { ports } = options;
  const args = [
    DEMO_MAIN,
    '--broker',
    `kafka://127.0.0.1:${ports.kafka}`,
    '--workers',
    String(options.workers),
    '--topic',
    options.topic,
    '--group',
    `${options.topic}-group`,
    // The relay writes the stack's chain topic; other runs get one of their own.
    '--chain-topic',
    options.relay ? 'chain' : `${options.topic}-chain`,
    '--duration',
    String(options.durationSeconds),
    '--rate',
    String(options.rate ?? 50),
    ...(options.relay ? ['--relay', `http://127.0.0.1:${ports.relayHttp}`] : []),
    ...(options.instrumentKafkajs ? ['--instrument-kafkajs'] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${ports.collectorOtlpHttp}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_SERVICE_NAME: options.serviceName,
      // The shutdown reports (spans ended, exported, lost) are info lines of the diag logger.
      OTEL_LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const killTimer = setTimeout(() => child.kill('SIGKILL'), (options.durationSeconds + 90) * 1000);
  const done = new Promise<KafkaDemoRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killTimer);
      const processes = splitByProcess(output);
      const finished = processes.get('producer')?.last('demo finished');
      if (!finished) {
        reject(
          new Error(
            `the demo on Kafka exited with ${code} without its "demo finished" line; its output ended:\n` +
              output.split('\n').slice(-30).join('\n'),
          ),
        );
        return;
      }
      resolve({ code, output, processes, finished });
    });
  });
  return { done, processes: () => splitByProcess(output), output: () => output };
}
