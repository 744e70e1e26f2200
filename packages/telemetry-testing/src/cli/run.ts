// The `otlp-receiver` command: runs a receiver and prints a live summary. Kept apart from the
// bin file so that tests can run it with captured output.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { startReceiverWithStore } from '../receiver.js';
import { redrawInPlace } from '../render/redraw-in-place.js';
import type { TelemetryStore } from '../store.js';
import type { OtlpReceiver, ReceiverUi } from '../types.js';
import { DEFAULT_UI_PORT, startReceiverUi } from '../ui/receiver-ui.js';
import { renderSummary } from './render.js';

/** Where the CLI writes. */
export interface CliIo {
  /** `columns` and `rows`: the terminal's size, which the frame is fitted to (as `process.stdout` has them). */
  stdout?: { write(text: string): unknown; isTTY?: boolean; columns?: number; rows?: number };
  stderr?: { write(text: string): unknown };
}

/** Parsed command-line options. */
export interface ReceiverCliOptions {
  host: string;
  grpcPort: number;
  httpPort: number;
  /** Milliseconds between two frames of the summary. */
  interval: number;
  /** Traces shown in the waterfall. */
  traces: number;
  /** Log lines shown in the tail. */
  logs: number;
  maxBodyBytes?: number;
  /** Spans, metric points and log records kept (each). Default {@link CLI_MAX_RECORDS}. */
  maxRecords?: number;
  /** Clear the screen before each frame (default: when stdout is a terminal). */
  clear?: boolean;
  /** Serve the web view (`--ui`). */
  ui?: boolean;
  /** Port of the web view on 127.0.0.1 (default {@link DEFAULT_UI_PORT}; 0: any free port). */
  uiPort?: number;
}

/** A running CLI, as returned by {@link runReceiverCli}. */
export interface RunningReceiverCli {
  receiver: OtlpReceiver;
  options: ReceiverCliOptions;
  /** The web view, with `--ui`. */
  ui?: ReceiverUi;
  /** Renders the current frame (without writing it). */
  render(): string;
  /** Stops the refresh timer and the receiver. */
  stop(): Promise<void>;
}

/** Outcome of {@link runReceiverCli}: an exit code, and the running CLI when it started. */
export interface ReceiverCliResult {
  exitCode: number;
  running?: RunningReceiverCli;
}

/**
 * Default of `--max-records`: the CLI runs for as long as the app it watches, so it keeps only
 * the latest records (the summary shows the latest traces and metrics; counts cover everything).
 */
export const CLI_MAX_RECORDS = 100_000;

function integer(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

function createProgram(io: Required<CliIo>): Command {
  return new Command()
    .name('otlp-receiver')
    .description(
      'Runs an OTLP receiver (OTLP/gRPC and OTLP/HTTP, protobuf and JSON) and prints a live ' +
        'summary: spans per second, a waterfall of the latest traces, the latest metric values and a tail of the latest log records.',
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option(
      '--grpc-port <port>',
      'OTLP/gRPC port (0: any free port)',
      integer('port', 0, 65535),
      4317,
    )
    .option(
      '--http-port <port>',
      'OTLP/HTTP port (0: any free port)',
      integer('port', 0, 65535),
      4318,
    )
    .option(
      '--interval <ms>',
      'milliseconds between two refreshes of the summary',
      integer('interval', 10, 3_600_000),
      1000,
    )
    .option('--traces <n>', 'traces shown in the waterfall', integer('traces', 1, 100), 3)
    .option('--logs <n>', 'latest log records shown in the tail', integer('logs', 1, 1000), 5)
    .option(
      '--max-body-bytes <bytes>',
      'largest request accepted',
      integer('max-body-bytes', 1, 2 ** 31 - 1),
    )
    .option(
      '--max-records <n>',
      `spans, metric points and log records kept, each (default: ${CLI_MAX_RECORDS})`,
      integer('max-records', 1, 2 ** 31 - 1),
    )
    .option('--no-clear', 'append frames instead of redrawing the screen')
    .option('--ui', 'also serve a web view of the traces, metrics and logs on 127.0.0.1')
    .option(
      '--ui-port <port>',
      `port of the web view (default: ${DEFAULT_UI_PORT}; 0: any free port)`,
      integer('ui-port', 0, 65535),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
}

/** Parses `argv` (the user's arguments, without `node` and the script). */
export function parseReceiverCliOptions(argv: readonly string[], io: CliIo = {}) {
  const program = createProgram(withDefaults(io));
  program.parse([...argv], { from: 'user' });
  const raw = program.opts();
  const options: ReceiverCliOptions = {
    host: raw.host,
    grpcPort: raw.grpcPort,
    httpPort: raw.httpPort,
    interval: raw.interval,
    traces: raw.traces,
    logs: raw.logs,
  };
  if (raw.maxBodyBytes !== undefined) options.maxBodyBytes = raw.maxBodyBytes;
  if (raw.maxRecords !== undefined) options.maxRecords = raw.maxRecords;
  // --no-clear sets clear=false; otherwise decide by the terminal.
  if (raw.clear === false) options.clear = false;
  if (raw.ui === true) options.ui = true;
  if (raw.uiPort !== undefined) options.uiPort = raw.uiPort;
  return options;
}

/** The size of a terminal as `redrawInPlace` takes it (what it knows of it). */
function terminalSize(stdout: { columns?: number; rows?: number }) {
  return {
    ...(stdout.columns ? { width: stdout.columns } : {}),
    ...(stdout.rows && stdout.rows >= 2 ? { height: stdout.rows } : {}),
  };
}

function withDefaults(io: CliIo): Required<CliIo> {
  return { stdout: io.stdout ?? process.stdout, stderr: io.stderr ?? process.stderr };
}

/**
 * Runs the `otlp-receiver` command: parses `argv`, starts the receiver and writes a frame of the
 * summary every `--interval` ms (on a terminal the screen is redrawn; otherwise a frame is
 * written only when something new arrived). Resolves once the receiver listens; `--help`,
 * `--version` and bad arguments resolve with an exit code and no running CLI.
 */
export async function runReceiverCli(
  argv: readonly string[],
  io: CliIo = {},
): Promise<ReceiverCliResult> {
  const out = withDefaults(io);
  let options: ReceiverCliOptions;
  try {
    options = parseReceiverCliOptions(argv, out);
  } catch (error) {
    if (error instanceof CommanderError) {
      return { exitCode: error.exitCode };
    }
    throw error;
  }
  const receiverOptions: Parameters<typeof startReceiverWithStore>[0] = {
    host: options.host,
    grpcPort: options.grpcPort,
    httpPort: options.httpPort,
    maxRecords: options.maxRecords ?? CLI_MAX_RECORDS,
  };
  if (options.maxBodyBytes !== undefined) receiverOptions.maxBodyBytes = options.maxBodyBytes;
  let receiver: OtlpReceiver & { readonly telemetry: TelemetryStore };
  try {
    receiver = await startReceiverWithStore(receiverOptions);
  } catch (error) {
    out.stderr.write(
      `otlp-receiver: cannot listen: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return { exitCode: 1 };
  }
  let ui: ReceiverUi | undefined;
  if (options.ui || options.uiPort !== undefined) {
    try {
      ui = await startReceiverUi(receiver, { port: options.uiPort ?? DEFAULT_UI_PORT });
    } catch (error) {
      await receiver.stop();
      out.stderr.write(
        `otlp-receiver: cannot serve the web view: ${error instanceof Error ? error.message : String(error)}` +
          ' (--ui-port 0 picks a free port)\n',
      );
      return { exitCode: 1 };
    }
  }
  const clear = options.clear ?? Boolean(out.stdout.isTTY);
  const header =
    `OTLP receiver  gRPC ${receiver.grpcUrl}  HTTP ${receiver.httpUrl}` +
    ' (/v1/traces, /v1/metrics, /v1/logs)' +
    (ui ? `\nWeb view     ${ui.url}` : '');
  out.stdout.write(`${header}\n`);

  // Spans per second over a sliding window of recent samples.
  const samples: { at: number; count: number }[] = [];
  const rate = (count: number): number => {
    const now = Date.now();
    samples.push({ at: now, count });
    while (samples.length > 2 && now - samples[0]!.at > 5000) samples.shift();
    const first = samples[0]!;
    const seconds = (now - first.at) / 1000;
    return seconds > 0 ? (count - first.count) / seconds : 0;
  };

  const render = (spansPerSecond = 0) => {
    const store = receiver.telemetry;
    const totals = store.totals();
    return renderSummary({
      header,
      spans: store.spans(),
      spanCount: totals.spans,
      metrics: store.latestMetrics(),
      logCount: totals.logs,
      logs: store.logs(),
      maxLogLines: options.logs,
      spansPerSecond,
      maxTraces: options.traces,
      ...(clear && out.stdout.columns ? { width: out.stdout.columns } : {}),
    });
  };

  let lastSeen = '';
  let drawn = false;
  const tick = () => {
    const totals = receiver.telemetry.totals();
    const perSecond = rate(totals.spans);
    const seen = `${totals.spans}/${totals.metricPoints}/${totals.logs}`;
    if (!clear && seen === lastSeen) return;
    lastSeen = seen;
    const frame = render(perSecond);
    // On a terminal the first frame clears the screen once; the next ones overwrite it in place.
    out.stdout.write(
      clear
        ? `${drawn ? '' : '\x1b[2J'}${redrawInPlace(frame, terminalSize(out.stdout))}`
        : `\n${frame}`,
    );
    drawn = true;
  };
  const timer = setInterval(tick, options.interval);
  rate(0);

  let stopped = false;
  return {
    exitCode: 0,
    running: {
      receiver,
      options,
      ...(ui ? { ui } : {}),
      render: () => render(),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        clearInterval(timer);
        await ui?.stop();
        await receiver.stop();
      },
    },
  };
}
