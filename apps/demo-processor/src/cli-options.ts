import { redactUrl } from '@proc/telemetry';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseBrokerUrl } from './kafka/broker-url.js';

/** Parsed `demo-processor` options. */
export interface DemoCliOptions {
  /** Seconds to produce for; 0 runs until Ctrl-C. */
  durationSeconds: number;
  /** Events per second. */
  rate: number;
  /** OTLP endpoint of a collector; overrides `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  collector?: string;
  /** Seconds between two frames of the live summary (no-collector mode). */
  summaryIntervalSeconds: number;
  seed: number;
  /** `kafka://host:port`: run on a real broker (src/kafka/); unset, the in-process queue. */
  broker?: string;
  /** Consumer workers (processes in one consumer group) the producer process starts. */
  workers?: number;
  /** `producer` (starts the workers) or `worker` (one member of the group). */
  role?: 'producer' | 'worker';
  /** This worker's id (`processor.worker.id`); set by the producer process. */
  workerId?: string;
  /** The events topic. */
  topic?: string;
  /** The consumer group. */
  group?: string;
  /** The topic the chain relay writes, which the workers read too. */
  chainTopic?: string;
  /** The chain relay's URL: the producer process also sends an order through it each second. */
  relay?: string;
  /** Turns on `@opentelemetry/instrumentation-kafkajs` in every process. */
  instrumentKafkajs?: boolean;
  /** Serve the web view in no-collector mode (default true; `--no-ui` turns it off). */
  ui?: boolean;
  /** Port of the web view (default 8318, or a free port when it is taken). */
  uiPort?: number;
}

function number(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a number from ${min} to ${max}.`);
    }
    return n;
  };
}

function integer(name: string, min: number, max: number) {
  const parse = number(name, min, max);
  return (value: string): number => {
    const n = parse(value);
    if (!Number.isInteger(n))
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    return n;
  };
}

function url(value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return value;
  } catch {}
  throw new InvalidArgumentError('must be an http:// or https:// URL, e.g. http://localhost:4318.');
}

function broker(value: string): string {
  try {
    parseBrokerUrl(value);
    return value;
  } catch (error) {
    throw new InvalidArgumentError(
      (error as Error).message.replace(/^demo-processor: --broker /, ''),
    );
  }
}

/** The command line of the demo; `exitOverride` so callers decide how to exit. */
export function createDemoCommand(): Command {
  return new Command()
    .name('demo-processor')
    .description(
      'A small stream processor instrumented with @proc/telemetry. Without a collector ' +
        '(OTEL_EXPORTER_OTLP_ENDPOINT unset, no --collector) it runs an OTLP receiver in ' +
        'process, serves a web view of the traces, metrics and logs it receives on 127.0.0.1 ' +
        'and prints a live summary (redrawn in place on a terminal).',
    )
    .option(
      '--duration <seconds>',
      'how long to produce events; 0 = until Ctrl-C',
      number('duration', 0, 86_400),
      20,
    )
    .option('--rate <events/s>', 'events produced per second', number('rate', 1, 10_000), 50)
    .option(
      '--collector <url>',
      'OTLP endpoint (default: OTEL_EXPORTER_OTLP_ENDPOINT, else in-process receiver)',
      url,
    )
    .option(
      '--summary-interval <seconds>',
      'seconds between two live summaries when stdout is not a terminal (on one the screen is redrawn every second)',
      number('summary-interval', 1, 3600),
      5,
    )
    .option('--no-ui', 'no web view in no-collector mode')
    .option(
      '--ui-port <port>',
      'port of the web view on 127.0.0.1 (default: 8318, or a free port when it is taken; 0: a free port)',
      integer('ui-port', 0, 65535),
    )
    .option('--seed <n>', 'seed of the synthetic traffic', number('seed', 0, 2 ** 32 - 1), 42)
    .option(
      '--broker <url>',
      'a Kafka broker, kafka://host:port: a producer process and --workers consumer processes',
      broker,
    )
    .option(
      '--workers <n>',
      'consumer workers in one group (with --broker)',
      number('workers', 1, 64),
      2,
    )
    .option('--topic <name>', 'the events topic (with --broker)', 'events')
    .option('--group <name>', 'the consumer group (with --broker)', 'demo-processor')
    .option('--chain-topic <name>', "the chain relay's topic, read by the workers too", 'chain')
    .option(
      '--relay <url>',
      'the chain relay (Python): also send an order through it every second (with --broker)',
      url,
    )
    .option(
      '--instrument-kafkajs',
      'turn on @opentelemetry/instrumentation-kafkajs (it then makes the messaging spans)',
      false,
    )
    .addOption(
      new Option('--role <role>', 'started by the producer process')
        .choices(['producer', 'worker'])
        .default('producer')
        .hideHelp(),
    )
    .addOption(new Option('--worker-id <id>', 'set by the producer process').hideHelp())
    .exitOverride();
}

/**
 * `text` with every argument that may hold credentials (a `--collector` URL with `user:pass@`
 * or `?api_key=`) redacted: commander quotes a rejected value in its error message.
 */
function redactArguments(text: string, argv: readonly string[]): string {
  let redacted = text;
  for (const arg of argv) {
    const value = arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    const safe = redactUrl(value);
    if (safe !== value) redacted = redacted.split(value).join(safe);
  }
  return redacted;
}

/** Parses the user's arguments (without `node` and the script). Throws `CommanderError`. */
export function parseDemoCliOptions(
  argv: readonly string[],
  command = createDemoCommand(),
): DemoCliOptions {
  command.configureOutput({
    outputError: (text, write) => write(redactArguments(text, argv)),
  });
  // `pnpm demo -- --rate 100` passes the `--` through: it separates pnpm's arguments, not ours.
  command.parse(argv[0] === '--' ? argv.slice(1) : [...argv], { from: 'user' });
  const raw = command.opts();
  return {
    durationSeconds: raw.duration,
    rate: raw.rate,
    collector: raw.collector,
    summaryIntervalSeconds: raw.summaryInterval,
    seed: raw.seed,
    broker: raw.broker,
    workers: raw.workers,
    role: raw.role,
    workerId: raw.workerId,
    topic: raw.topic,
    group: raw.group,
    chainTopic: raw.chainTopic,
    relay: raw.relay,
    instrumentKafkajs: raw.instrumentKafkajs,
    ui: raw.ui,
    uiPort: raw.uiPort,
  };
}
