import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';

const bin = path.resolve(__dirname, '../dist/cjs/cli.js');

/** Runs the built `proc-telemetry` bin with only `env` (and PATH), bounded. */
function runBin(args: string[], env: Record<string, string>) {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run "pnpm build" first`);
  return new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
      (error, stdout) => resolve({ code: error ? (error.code as number | null) : 0, stdout }),
    );
  });
}

describe('proc-telemetry bin', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it('should exit 0 from the built package when the probes are delivered', async () => {
    const { code, stdout } = await runBin(['doctor', '--timeout', '3000'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
    });
    expect(stdout).toContain('every enabled signal delivered its probe');
    expect(code).toBe(0);
    expect((await receiver.waitForSpans(1))[0]?.name).toBe('proc-telemetry doctor');
  });

  it('should exit 1 from the built package when a probe is not delivered', async () => {
    const { code, stdout } = await runBin(['doctor', '--signal', 'traces'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl,
    });
    expect(stdout).toContain('FAIL traces: OTLP/HTTP (protobuf) sent to a gRPC port');
    expect(code).toBe(1);
  });

  it('should print the effective configuration', async () => {
    const { code, stdout } = await runBin(['config', '--format', 'json'], {
      OTEL_SERVICE_NAME: 'from-the-bin',
    });
    expect(JSON.parse(stdout).sources['service.name']).toBe('env:OTEL_SERVICE_NAME');
    expect(code).toBe(0);
  });
});
