import { captureConsoleDir } from './capture-console-dir.js';
import { startOtlpReceiver } from './receiver.js';
import type { OtlpReceiver, OtlpReceiverOptions } from './types.js';

/** What {@link withConsoleAndReceiver} gives its callback. */
export interface ConsoleAndReceiver {
  /** A receiver of its own on 127.0.0.1 (free ports), stopped when the callback settles. */
  readonly receiver: OtlpReceiver;
  /** What the SDK's console exporters printed meanwhile (`console.dir` is captured). */
  readonly printed: Record<string, unknown>[];
}

/**
 * Runs `run` with a fresh OTLP receiver and `console.dir` captured, then restores `console.dir`
 * and stops the receiver, whether `run` resolves or throws. For a test of an exporter list
 * (`OTEL_TRACES_EXPORTER=console,otlp`): what was sent over OTLP is in `receiver`, what the
 * console exporter printed in `printed`.
 *
 * @example
 * it('should print and send', () =>
 *   withConsoleAndReceiver(async ({ receiver, printed }) => {
 *     // export to receiver.httpUrl with exporters console and otlp, then assert both
 *   }));
 */
export async function withConsoleAndReceiver<T>(
  run: (capture: ConsoleAndReceiver) => Promise<T>,
  options: OtlpReceiverOptions = {},
): Promise<T> {
  const receiver = await startOtlpReceiver(options);
  const output = captureConsoleDir();
  try {
    return await run({ receiver, printed: output.printed });
  } finally {
    output.restore();
    await receiver.stop();
  }
}
