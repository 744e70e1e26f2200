import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { runDemoCli } from '../src/run-demo-cli.js';

// Issue 14 D5: `OTEL_EXPORTER_OTLP_ENDPOINT='http://user:pass@host'` or `…?api_key=…` (and the
// same through --collector) appeared verbatim in the INFO "telemetry exporting" line.
describe('runDemoCli', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  /** Runs the demo with production stopped at once, returning everything it printed. */
  async function printed(collector: string | undefined, env: Record<string, string>) {
    const lines: string[] = [];
    await runDemoCli(
      {
        durationSeconds: 1,
        rate: 1,
        summaryIntervalSeconds: 1,
        seed: 1,
        ...(collector ? { collector } : {}),
      },
      { env, write: (text) => lines.push(text), signal: AbortSignal.abort() },
    );
    return lines.join('');
  }

  const endpoint = () => `http://user:pa55@127.0.0.1:${receiver.httpPort}/?api_key=k3y&region=eu`;

  it.each([
    ['--collector', () => printed(endpoint(), {})],
    [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      () => printed(undefined, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint() }),
    ],
  ])('should print the endpoint from %s without its credentials', async (_source, run) => {
    const output = await run();
    const line = output.split('\n').find((text) => text.includes('telemetry exporting'));
    expect(line).toContain(
      `traces="http://[REDACTED]@127.0.0.1:${receiver.httpPort}/v1/traces?api_key=[REDACTED]&region=eu"`,
    );
    expect(output).not.toMatch(/pa55|k3y/);
  });
});
