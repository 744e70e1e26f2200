import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { parse } from 'yaml';
import { type CliIo, EXIT, runCli } from '../../src/cli/run-cli.js';

/** Runs the CLI in-process with `env` and captured output. */
async function run(argv: string[], env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  };
  const exitCode = await runCli(argv, io);
  return { exitCode, stdout, stderr };
}

describe('proc-telemetry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proc-telemetry-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('config', () => {
    const file = join(dir, 'telemetry.yaml');
    writeFileSync(file, 'service:\n  name: from-file\ntraces:\n  batch:\n    maxQueueSize: 4096\n');
    const env = {
      PROC_TELEMETRY_CONFIG_FILE: file,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://user:pw@collector:4318/v1/traces',
      OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20very-secret',
      OTEL_BSP_SCHEDULE_DELAY: 'soon',
    };

    it('should print each value with its source as YAML comments, secrets redacted', async () => {
      const { exitCode, stdout } = await run(['config'], env);
      expect(exitCode).toBe(EXIT.ok);
      expect(stdout).toContain(`name: from-file # file:${file}`);
      expect(stdout).toContain(`maxQueueSize: 4096 # file:${file}`);
      expect(stdout).toContain(
        'endpoint: https://[REDACTED]@collector:4318/v1/traces # env:OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      );
      expect(stdout).toContain('authorization: "[REDACTED]" # env:OTEL_EXPORTER_OTLP_HEADERS');
      expect(stdout).toContain('maxExportBatchSize: 512 # default');
      expect(stdout).toContain('propagators: [ tracecontext, baggage ] # default');
      expect(stdout).toMatch(/# ignored: .*OTEL_BSP_SCHEDULE_DELAY="soon"/);
      expect(stdout).not.toContain('very-secret');
      expect(stdout).not.toContain(':pw@');
      // Comments aside, it is the redacted config as YAML.
      expect(parse(stdout).traces.batch.maxQueueSize).toBe(4096);
    });

    it('should print JSON with the config, a source per path and the warnings', async () => {
      const { exitCode, stdout } = await run(['config', '--format', 'json'], env);
      expect(exitCode).toBe(EXIT.ok);
      const output = JSON.parse(stdout);
      expect(output.file).toBe(file);
      expect(output.config.traces.export.headers.authorization).toBe('[REDACTED]');
      expect(output.sources['traces.batch.maxQueueSize']).toBe(`file:${file}`);
      expect(output.sources['traces.export.endpoint']).toBe(
        'env:OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      );
      expect(output.warnings.map((w: { variable: string }) => w.variable)).toEqual([
        'OTEL_BSP_SCHEDULE_DELAY',
      ]);
      expect(stdout).not.toContain('very-secret');
    });

    it('should show the resource detectors that run and the variable that chose them', async () => {
      const { stdout } = await run(['config'], {
        OTEL_NODE_RESOURCE_DETECTORS: 'host,process,gcp',
      });
      expect(stdout).toContain('detectors: [ host, process ] # env:OTEL_NODE_RESOURCE_DETECTORS');
      expect(stdout).toMatch(/# ignored: .*OTEL_NODE_RESOURCE_DETECTORS="gcp"/);
    });

    it('should read --file over PROC_TELEMETRY_CONFIG_FILE', async () => {
      const other = join(dir, 'other.json');
      writeFileSync(other, '{"service":{"name":"other"}}');
      const { stdout } = await run(['config', '--file', other], env);
      expect(stdout).toContain(`name: other # file:${other}`);
    });

    it('should exit 2 with every problem of an invalid config file', async () => {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'traces:\n  sampler:\n    ratio: 2\n');
      const { exitCode, stderr, stdout } = await run(['config', '--file', bad], {});
      expect(exitCode).toBe(EXIT.usage);
      expect(stdout).toBe('');
      expect(stderr).toContain('traces.sampler.ratio (file): received 2');
    });

    it('should exit 2 for an unknown format, naming the choices', async () => {
      const { exitCode, stderr } = await run(['config', '--format', 'toml'], {});
      expect(exitCode).toBe(EXIT.usage);
      expect(stderr).toContain('yaml, json');
    });
  });

  describe('doctor', () => {
    let receiver: OtlpReceiver;

    beforeAll(async () => {
      receiver = await startOtlpReceiver();
    });

    afterAll(async () => {
      await receiver.stop();
    });

    it('should exit 0 and say so when every enabled signal delivered', async () => {
      const { exitCode, stdout } = await run(['doctor', '--timeout', '2000'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
      });
      expect(stdout).toMatch(/^ok {3}traces: delivered one span to .*\/v1\/traces/m);
      expect(stdout).toMatch(/^ok {3}metrics: delivered one data point/m);
      expect(stdout).toMatch(/^ok {3}logs: delivered one log record/m);
      expect(stdout).toMatch(/every enabled signal delivered its probe\n$/);
      expect(exitCode).toBe(EXIT.ok);
    });

    it('should exit 1 with one line per problem, naming the fix', async () => {
      const { exitCode, stdout } = await run(['doctor', '--timeout', '2000'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl,
      });
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(
          /^FAIL traces: OTLP\/HTTP \(protobuf\) sent to a gRPC port: .*; fix: .*OTEL_EXPORTER_OTLP_PROTOCOL=grpc/,
        ),
        expect.stringMatching(/^FAIL metrics: OTLP\/HTTP \(protobuf\) sent to a gRPC port/),
        expect.stringMatching(/^FAIL logs: OTLP\/HTTP \(protobuf\) sent to a gRPC port/),
        '3 problems found',
      ]);
      expect(exitCode).toBe(EXIT.problem);
    });

    it('should probe only the signals asked for', async () => {
      const { exitCode, stdout } = await run(['doctor', '--signal', 'metrics'], {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.grpcUrl,
      });
      expect(stdout).not.toContain('traces');
      expect(exitCode).toBe(EXIT.ok);
    });

    it('should print the findings as JSON with --json', async () => {
      const { exitCode, stdout } = await run(['doctor', '--json', '--signal', 'traces'], {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.httpUrl,
      });
      const diagnosis = JSON.parse(stdout);
      expect(diagnosis).toMatchObject({
        ok: false,
        findings: [{ signal: 'traces', status: 'problem', code: 'missing_signal_path' }],
      });
      expect(exitCode).toBe(EXIT.problem);
    });

    it('should exit 2 for an unknown signal, naming the accepted ones', async () => {
      const { exitCode, stderr } = await run(['doctor', '--signal', 'spans'], {});
      expect(exitCode).toBe(EXIT.usage);
      expect(stderr).toContain('expected one of traces, metrics, logs, got "spans"');
    });

    it('should exit 2 for an invalid configuration', async () => {
      const { exitCode, stderr } = await run(['doctor'], {
        PROC_TELEMETRY_CONFIG_FILE: join(dir, 'missing.yaml'),
      });
      expect(exitCode).toBe(EXIT.usage);
      expect(stderr).toContain('a readable config file (ENOENT)');
    });
  });
});
