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

  it('should serve the web view in no-collector mode and print its URL', async () => {
    const lines: string[] = [];
    const stop = new AbortController();
    let summary: Promise<unknown> | undefined;
    await runDemoCli(
      { durationSeconds: 60, rate: 50, summaryIntervalSeconds: 60, seed: 1, uiPort: 0 },
      {
        env: {},
        write: (text) => {
          lines.push(text);
          const url = /Web view of the traces, metrics and logs: (\S+)/.exec(text)?.[1];
          // Asked while the run goes on; the run stops once it answered.
          if (url) {
            summary = fetch(`${url}api/summary`, { signal: AbortSignal.timeout(5000) })
              .then((response) => response.json())
              .finally(() => stop.abort());
          }
        },
        signal: stop.signal,
      },
    );
    expect(await summary).toMatchObject({
      httpUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    const output = lines.join('');
    expect(output).toMatch(/Web view of the traces, metrics and logs: http:\/\/127\.0\.0\.1:\d+\//);
    // The last summary says how the run ended and where the view was.
    expect(output).toMatch(/\n {2}stopping \(signal\) after \d+s: /);
    expect(output).toMatch(/\n {2}web view: http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('should not serve the web view with --no-ui', async () => {
    const lines: string[] = [];
    await runDemoCli(
      { durationSeconds: 1, rate: 1, summaryIntervalSeconds: 1, seed: 1, ui: false },
      { env: {}, write: (text) => lines.push(text), signal: AbortSignal.abort() },
    );
    expect(lines.join('')).toContain('No collector configured');
    expect(lines.join('')).not.toContain('Web view');
  });

  it('should keep the web view up after the run on a terminal, until Ctrl-C', async () => {
    const written: string[] = [];
    const stop = new AbortController();
    let afterRun: Promise<number> | undefined;
    await runDemoCli(
      { durationSeconds: 0.2, rate: 20, summaryIntervalSeconds: 60, seed: 1, uiPort: 0 },
      {
        env: {},
        terminal: { columns: () => 120, rows: () => 60 },
        write: (text) => {
          written.push(text);
          const url = /the web view stays up at (\S+) /.exec(text)?.[1];
          // Still answering once the run is over; the Ctrl-C comes after.
          if (url) {
            afterRun = fetch(`${url}api/summary`, { signal: AbortSignal.timeout(5000) })
              .then((response) => response.status)
              .finally(() => stop.abort());
          }
        },
        signal: stop.signal,
      },
    );
    expect(await afterRun).toBe(200);
    const frames = written.filter((text) => text.includes('\x1b[H'));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.at(-1)).toContain('produced for 0s: draining the queue');
  });
});
