import { startOtlpReceiver } from './receiver.js';
import type { OtlpReceiver, ReceiverProtocol } from './types.js';

// 100,000 spans or log records can arrive in requests of about 54 MiB as OTLP/JSON, over the
// receiver's default body limit.
const BURST_MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * How {@link runExportBurst} drives one signal's export pipeline (spans, log records): what a
 * test of that signal supplies, the rest is shared.
 * @typeParam Handle - what `start` returns (a tracing or logging handle).
 * @typeParam Counts - the pipeline's export counts.
 * @typeParam Report - its shutdown report.
 */
export interface BurstPipeline<Handle, Counts, Report> {
  /**
   * Starts the pipeline exporting to `receiver` over `protocol`, with `queue` merged into its
   * export options (`{}` when the burst keeps the default budget, so nothing is overridden with
   * `undefined`).
   */
  start(
    receiver: OtlpReceiver,
    protocol: ReceiverProtocol,
    queue: { readonly maxQueueBytes?: number },
  ): Handle;
  /** Makes `count` spans or log records in one synchronous loop. */
  emit(handle: Handle, count: number): void;
  /** The pipeline's export counts now. */
  counts(handle: Handle): Counts;
  /** Shuts the pipeline down within `timeoutMillis`, resolving with its report. */
  shutdown(handle: Handle, timeoutMillis: number): Promise<Report>;
  /** How many of the burst the receiver decoded. */
  received(receiver: OtlpReceiver): number;
}

/** Options of {@link runExportBurst}. */
export interface ExportBurstOptions {
  /** The OTLP protocol to export over. */
  protocol: ReceiverProtocol;
  /** How many spans or log records the burst makes. */
  made: number;
  /** The byte budget of the export queue; the pipeline's default when left out. */
  maxQueueBytes?: number;
  /** The shutdown deadline, in milliseconds: a bound on the drain, not a speed. */
  shutdownTimeoutMillis: number;
}

/** What a burst came to: the counts before anything could be exported, and after shutdown. */
export interface ExportBurstOutcome<Counts, Report> {
  /** The counts right after the loop returned: no export could finish before then. */
  readonly held: Counts;
  /** The shutdown report. */
  readonly report: Report;
  /** The counts after shutdown. */
  readonly counts: Counts;
  /** How many of the burst the receiver decoded. */
  readonly received: number;
}

/**
 * Sends one synchronous burst through an export pipeline to a receiver of its own on 127.0.0.1
 * (bodies up to 64 MiB), shuts the pipeline down and reports what was held,
 * exported and received. The receiver is stopped before it resolves or rejects. For tests of a
 * bounded export queue: made = received when the budget holds, made = received + dropped when it
 * does not.
 *
 * @example
 * const { report, received } = await runExportBurst(spanPipeline, {
 *   protocol: 'http/protobuf',
 *   made: 20_000,
 *   maxQueueBytes: 256 * 1024,
 *   shutdownTimeoutMillis: 30_000,
 * });
 */
export async function runExportBurst<Handle, Counts, Report>(
  pipeline: BurstPipeline<Handle, Counts, Report>,
  options: ExportBurstOptions,
): Promise<ExportBurstOutcome<Counts, Report>> {
  const receiver = await startOtlpReceiver({ maxBodyBytes: BURST_MAX_BODY_BYTES });
  try {
    const { maxQueueBytes } = options;
    const queue = maxQueueBytes === undefined ? {} : { maxQueueBytes };
    const handle = pipeline.start(receiver, options.protocol, queue);
    pipeline.emit(handle, options.made);
    const held = pipeline.counts(handle);
    const report = await pipeline.shutdown(handle, options.shutdownTimeoutMillis);
    return { held, report, counts: pipeline.counts(handle), received: pipeline.received(receiver) };
  } finally {
    await receiver.stop();
  }
}
