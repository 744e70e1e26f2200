import type { ExportBatcher, ExportBatcherOptions, ExportBatcherStats } from './types.js';

/**
 * Collects the items of one signal (spans, log records) into batches and queues each batch
 * encoded: an item is held as an object only until its batch fills (`maxExportBatchSize`) or
 * `scheduledDelayMillis` passes, then as bytes in the delivery queue, which bounds what is held
 * (by count and by bytes) and what is in flight: a synchronous burst that never lets an export
 * finish is held as bytes, far smaller than the item objects. While the queue has no room for a
 * batch, items are dropped as they arrive, before they are batched or encoded (while the
 * collector is down the queue stays full: no CPU is spent encoding, and no memory holding, what
 * it would refuse); an item the encoder leaves out is counted as invalid, the rest of its batch
 * is sent.
 *
 * Items added while `shutdown()` flushes are exported too; once the flush has finished the
 * batcher is `closed` and the caller counts what it no longer accepts.
 */
export function createExportBatcher<TItem, TPayload>(
  options: ExportBatcherOptions<TItem, TPayload>,
): ExportBatcher<TItem> {
  const { queue } = options;
  let buffer: TItem[] = [];
  let timer: NodeJS.Timeout | undefined;
  let added = 0;
  let invalid = 0;
  let closed = false;
  let shutdownPromise: Promise<void> | undefined;
  let exporterClosed: Promise<void> | undefined;

  const drain = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (buffer.length === 0) return;
    const items = buffer;
    buffer = [];
    if (!queue.hasRoomFor(items.length)) {
      queue.drop(items.length);
      return;
    }
    const encoded = options.encode(items);
    invalid += encoded.invalid;
    if (encoded.items > 0) queue.enqueue(encoded.payload, encoded.items);
  };

  const closeExporter = () => {
    exporterClosed ??= options.closeExporter();
    return exporterClosed;
  };

  /** Flushes until nothing was added meanwhile: items added during a flush are exported as well. */
  const flushAll = async () => {
    do {
      drain();
      await queue.flush();
    } while (buffer.length > 0);
  };

  return {
    get closed() {
      return closed;
    },
    add(item) {
      added++;
      // While the queue has no room for another batch (an outage filled it), an item is dropped
      // as it arrives instead of being held in a batch that would be dropped when full: held item
      // objects survive V8's young-generation collections, and that survival is what grows the
      // young generation to its maximum (2 × 16 MiB) for nothing.
      if (buffer.length === 0 && !queue.hasRoomFor(options.maxExportBatchSize)) {
        queue.drop(1);
        return;
      }
      buffer.push(item);
      if (buffer.length >= options.maxExportBatchSize) {
        drain();
      } else if (timer === undefined) {
        timer = setTimeout(drain, options.scheduledDelayMillis);
        // A pending batch alone does not keep the process alive; shutdown() flushes it.
        timer.unref();
      }
    },
    flush: () => (closed ? Promise.resolve() : flushAll()),
    shutdown() {
      shutdownPromise ??= flushAll().then(() => {
        closed = true;
        return closeExporter();
      });
      return shutdownPromise;
    },
    abandon() {
      closed = true;
      drain();
      queue.close();
      closeExporter().catch(() => undefined);
    },
    stats(): ExportBatcherStats {
      const stats = queue.stats();
      return {
        added,
        exported: stats.delivered,
        failed: stats.failed,
        dropped: stats.dropped,
        invalid,
        queued: stats.queued + buffer.length,
        queuedBytes: stats.queuedBytes,
        peakQueuedBytes: stats.peakQueuedBytes,
        exportsInFlight: stats.inFlight,
        peakExportsInFlight: stats.peakInFlight,
      };
    },
  };
}
