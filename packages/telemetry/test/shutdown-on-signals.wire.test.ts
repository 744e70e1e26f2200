import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { OtlpProtocol } from '@proc/telemetry-config';
import { type OtlpReceiver, startOtlpReceiver, waitFor } from '@proc/telemetry-testing';
import { METRIC_NAMES } from '../src/semconv.js';
import { receiverEnv } from './helpers/receiver-env.js';

const FIXTURE = path.join(__dirname, 'fixtures/signal-app.cjs');
const BUILT = path.join(__dirname, '../dist/cjs/index.js');
const SPAN_COUNT = 25;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

describe('initTelemetry({ shutdownOnSignals: true }) in a real process', () => {
  let receiver: OtlpReceiver;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "pnpm build" first`);
    receiver = await startOtlpReceiver();
  });

  afterEach(() => {
    receiver.clear();
  });

  afterAll(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await receiver.stop();
  });

  /** Starts the fixture app; resolves once it has ended its spans and waits. */
  async function startApp(protocol: OtlpProtocol, env: Record<string, string> = {}) {
    const child = spawn(process.execPath, [FIXTURE], {
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        ...receiverEnv(receiver, protocol),
        SPAN_COUNT: String(SPAN_COUNT),
        ...env,
      },
    });
    children.push(child);
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<Exit>((resolve) => {
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    await waitFor('the app to start', () => output.includes('ready') || child.exitCode !== null, {
      timeoutMs: 20_000,
    });
    if (!output.includes('ready')) throw new Error(`the app exited early:\n${output}`);
    return { child, exited, output: () => output };
  }

  function expectAllTelemetryDelivered(): void {
    expect(receiver.spans({ name: 'event' })).toHaveLength(SPAN_COUNT);
    expect(receiver.metric(METRIC_NAMES.EVENTS_PROCESSED)).toEqual([
      expect.objectContaining({ value: SPAN_COUNT }),
    ]);
  }

  describe.each<OtlpProtocol>(['grpc', 'http/protobuf', 'http/json'])('over %s', (protocol) => {
    it('should flush every span and the metrics on SIGTERM, then end by SIGTERM (exit status 143)', async () => {
      const app = await startApp(protocol);
      expect(receiver.spans()).toEqual([]);

      app.child.kill('SIGTERM');

      await expect(app.exited).resolves.toEqual({ code: null, signal: 'SIGTERM' });
      expectAllTelemetryDelivered();
    });
  });

  it('should flush on SIGINT, then end by SIGINT (exit status 130)', async () => {
    const app = await startApp('http/protobuf');

    app.child.kill('SIGINT');

    await expect(app.exited).resolves.toEqual({ code: null, signal: 'SIGINT' });
    expectAllTelemetryDelivered();
  });

  it('should leave ending the process to the app when it listens for the signal itself', async () => {
    const app = await startApp('http/protobuf', { APP_HANDLES_SIGTERM: '1' });

    app.child.kill('SIGTERM');

    // The app's own handler awaits telemetry.shutdown() (the same flush) and exits with 3.
    await expect(app.exited).resolves.toEqual({ code: 3, signal: null });
    expectAllTelemetryDelivered();
  });
});
