import type { ExportConfig } from '@proc/telemetry-config';
import { settleWithin } from '@proc/telemetry-lifecycle';
import { createOtlpSender, type OtlpSender } from '@proc/telemetry-otlp';
import type { DoctorSignal } from '../types.js';
import { probeRequest } from './probe-request.js';

/** How one probe export ended. */
export type ExportProbe =
  | { status: 'delivered'; durationMillis: number }
  | { status: 'failed'; error: unknown; durationMillis: number }
  | { status: 'timeout'; durationMillis: number };

/** Time the sender gets to close its connections after the probe. */
const SHUTDOWN_MILLIS = 1000;
/** Margin past the export timeout before the probe is given up (the transport bounds itself). */
const MARGIN_MILLIS = 1000;

/**
 * The transport the app would use for `config` (`createOtlpSender()`: same protocol, TLS files,
 * headers and compression), with `timeoutMillis` as its export timeout; or why it cannot be
 * built (a TLS file that cannot be used).
 */
export function openSender(
  signal: DoctorSignal,
  config: ExportConfig,
  timeoutMillis: number,
): { sender: OtlpSender } | { error: unknown } {
  try {
    return {
      sender: createOtlpSender(
        { ...config, timeoutMillis },
        { signal, optionPath: `${signal}.export` },
      ),
    };
  } catch (error) {
    return { error };
  }
}

/** Closes a sender, waiting at most a second for its connections. */
export async function closeSender(sender: OtlpSender): Promise<void> {
  await settleWithin(sender.shutdown(), SHUTDOWN_MILLIS);
}

/**
 * Sends one span, data point or log record through `sender`, once: no delivery queue, so
 * nothing is retried past what the transport itself does within its timeout.
 */
export async function probeExport(
  sender: OtlpSender,
  signal: DoctorSignal,
  serviceName: string,
  timeoutMillis: number,
): Promise<ExportProbe> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const request = await probeRequest(signal, sender.encoding, serviceName);
  let outcome: Awaited<ReturnType<OtlpSender['send']>> | undefined;
  const sent = await settleWithin(
    sender.send(request).then((result) => {
      outcome = result;
    }),
    timeoutMillis + MARGIN_MILLIS,
  );
  if (sent.status !== 'done' || outcome === undefined) {
    return { status: 'timeout', durationMillis: elapsed() };
  }
  const durationMillis = elapsed();
  return outcome.status === 'delivered'
    ? { status: 'delivered', durationMillis }
    : { status: 'failed', error: outcome.error, durationMillis };
}
