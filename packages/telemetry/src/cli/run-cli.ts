// The `proc-telemetry` command: `config` and `doctor`. Kept apart from the bin file so that
// tests run it in-process with captured output and an explicit environment.
import { explainConfig, TelemetryConfigError } from '@proc/telemetry-config';
import { type DoctorSignal, diagnoseTelemetry } from '@proc/telemetry-doctor';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type ConfigOutputFormat, formatConfig } from './format-config.js';
import { formatDiagnosis } from './format-diagnosis.js';

/** Where the CLI writes, and the environment it reads. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where `OTEL_*` and `PROC_TELEMETRY_*` variables are read from. */
  env: Record<string, string | undefined>;
}

/** Exit codes: 0 all good, 1 a probe found a problem, 2 the configuration or the command line is wrong. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

const SIGNALS: readonly DoctorSignal[] = ['traces', 'metrics', 'logs'];

function signalList(value: string, previous: DoctorSignal[] | undefined): DoctorSignal[] {
  const signals = value.split(',').map((entry) => entry.trim());
  for (const signal of signals) {
    if (!SIGNALS.includes(signal as DoctorSignal)) {
      throw new InvalidArgumentError(`expected one of ${SIGNALS.join(', ')}, got "${signal}".`);
    }
  }
  return [...(previous ?? []), ...(signals as DoctorSignal[])];
}

function timeout(value: string): number {
  const millis = Number(value);
  if (!Number.isInteger(millis) || millis < 1) {
    throw new InvalidArgumentError('expected an integer > 0 (milliseconds).');
  }
  return millis;
}

function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command()
    .name('proc-telemetry')
    .description(
      'Shows the effective telemetry configuration and checks that telemetry arrives, from the ' +
        'same config file and environment variables as initTelemetry().',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('config')
    .description(
      'Prints the configuration initTelemetry() would use, each value with its source ' +
        '(default, file:<path>, env:<VARIABLE>), secrets redacted.',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'),
    )
    .option('--file <path>', 'config file (default: $PROC_TELEMETRY_CONFIG_FILE)')
    .action((options: { format: ConfigOutputFormat; file?: string }) => {
      const explanation = explainConfig({
        env: io.env,
        ...(options.file === undefined ? {} : { file: options.file }),
        // Reported in the output itself, not through the diag logger.
        onWarning: () => undefined,
      });
      io.stdout.write(formatConfig(explanation, options.format));
      setExit(EXIT.ok);
    });

  program
    .command('doctor')
    .description(
      'Sends one span, data point or log record to each enabled signal endpoint and names ' +
        'what is wrong, with the fix. Exit status 0 when every enabled signal delivered, 1 ' +
        'otherwise, 2 for an invalid configuration.',
    )
    .option(
      '--signal <signals>',
      `only these signals, comma-separated or repeated (${SIGNALS.join(', ')})`,
      signalList,
    )
    .option('--file <path>', 'config file (default: $PROC_TELEMETRY_CONFIG_FILE)')
    .option('--timeout <ms>', 'timeout of each probe, in milliseconds', timeout, 5000)
    .option('--json', 'print the findings as JSON')
    .action(
      async (options: {
        signal?: DoctorSignal[];
        file?: string;
        timeout: number;
        json?: boolean;
      }) => {
        const diagnosis = await diagnoseTelemetry({
          env: io.env,
          timeoutMillis: options.timeout,
          ...(options.signal === undefined ? {} : { signals: options.signal }),
          ...(options.file === undefined ? {} : { file: options.file }),
        });
        io.stdout.write(formatDiagnosis(diagnosis, options.json === true));
        setExit(diagnosis.ok ? EXIT.ok : EXIT.problem);
      },
    );
  return program;
}

/**
 * Runs `proc-telemetry` with `argv` (the arguments after the command name) and resolves with
 * its exit status: 0 when all is well, 1 when `doctor` found a problem, 2 for a configuration
 * that cannot be loaded or a command line that cannot be parsed. Never rejects.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; usage errors were already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof TelemetryConfigError) {
      io.stderr.write(`proc-telemetry: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(
      `proc-telemetry: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.usage;
  }
}
