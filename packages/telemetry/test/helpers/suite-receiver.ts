import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import type { TelemetryProviders } from '../../src/index.js';
import { resetGlobals } from './reset-globals.js';

/** What a wire suite shares: its receiver, and the telemetry its current test started. */
export interface SuiteReceiver {
  /** Started before the suite's first test, stopped after its last. */
  readonly receiver: OtlpReceiver;
  /** Set by a test; shut down (within 5 s) after it, the receiver cleared and the globals reset. */
  telemetry: TelemetryProviders | undefined;
}

/** Registers the hooks of a wire suite with one receiver and one telemetry instance per test. */
export function useSuiteReceiver(): SuiteReceiver {
  const suite = { telemetry: undefined } as { receiver: OtlpReceiver } & SuiteReceiver;
  beforeAll(async () => {
    suite.receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await suite.receiver.stop();
  });
  afterEach(async () => {
    await suite.telemetry?.shutdown({ timeoutMillis: 5000 });
    suite.telemetry = undefined;
    suite.receiver.clear();
    resetGlobals();
  });
  return suite;
}
