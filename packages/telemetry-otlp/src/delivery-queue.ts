import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { logger } from './internal/diag.js';
import type {
  DeliveryFailure,
  DeliveryOutcome,
  DeliveryQueue,
  DeliveryQueueOptions,
  DeliveryStats,
} from './types.js';

/** One accepted payload until it is delivered or given up. */
interface Entry<T> {
  payload: T;
  items: number;
  /** What `sizeOf` said, 0 without it. */
  bytes: number;
  attempts: number;
  /** When the first attempt started (`performance.now()`), for the retry budget. */
  firstAttemptAt: number;
  onSettled: ((outcome: DeliveryOutcome) => void) | undefined;
}

const DEFAULT_MAX_IN_FLIGHT = 1;
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_INITIAL_BACKOFF_MILLIS = 1000;
const DEFAULT_MAX_BACKOFF_MILLIS = 30_000;
const DEFAULT_STALLED_AFTER_MILLIS = 1000;

/** ±20% jitter, as the OTLP/HTTP exporters apply to their retries. */
const jitter = (millis: number) => millis * (0.8 + Math.random() * 0.4);

/**
 * A bounded queue in front of one signal's export: at most `maxInFlight` deliveries at once, a
 * failed delivery that may succeed later is sent again after a backoff *in its own slot* (so a
 * retrying batch counts against the in-flight limit), and no new delivery starts while the
 * endpoint is backing off. What waits counts against `maxQueuedItems` and `maxQueuedBytes` (what
 * does not fit is refused at `enqueue()` and counted as dropped), and at most `maxInFlight`
 * payloads are beyond them, so the memory an outage can take is bounded whatever the rate. While
 * exports fail (the last attempt failed, or one has gone unanswered for `stalledAfterMillis`),
 * new payloads are admitted only within the smaller `maxQueuedBytesWhileFailing`, which then
 * counts what is in flight as well (a failed attempt's payload comes back): the full budget
 * absorbs a burst the endpoint will take, not an outage. What is already held stays.
 *
 * It replaces what the SDK's batch processor and OTLP exporters do together, which grows the
 * exports in flight without bound while the collector is down: the processor starts a new export
 * after each failure or timeout while the old one is still retrying.
 */
export function createDeliveryQueue<T>(options: DeliveryQueueOptions<T>): DeliveryQueue<T> {
  const retry = options.retry ?? {};
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT));
  const maxAttempts = Math.max(1, Math.floor(retry.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const initialBackoff = retry.initialBackoffMillis ?? DEFAULT_INITIAL_BACKOFF_MILLIS;
  const maxBackoff = retry.maxBackoffMillis ?? DEFAULT_MAX_BACKOFF_MILLIS;
  const budget = retry.budgetMillis;
  const attemptTimeout = options.attemptTimeoutMillis;
  const maxItems = options.maxQueuedItems ?? Number.POSITIVE_INFINITY;
  const maxBytes = options.maxQueuedBytes ?? Number.POSITIVE_INFINITY;
  const maxBytesWhileFailing = Math.min(maxBytes, options.maxQueuedBytesWhileFailing ?? maxBytes);
  const stalledAfter = options.stalledAfterMillis ?? DEFAULT_STALLED_AFTER_MILLIS;
  const sizeOf = options.sizeOf;
  const compressWaiting = options.compressWaiting;
  const compressAbove = options.compressWaitingAboveBytes ?? 0;

  const waiting: Entry<T>[] = [];
  const stats: DeliveryStats = {
    accepted: 0,
    delivered: 0,
    failed: 0,
    dropped: 0,
    acceptedBytes: 0,
    queued: 0,
    queuedBytes: 0,
    peakQueuedBytes: 0,
    inFlight: 0,
    peakInFlight: 0,
    started: 0,
    exporting: 0,
    failedBy: { rejected: 0, retries_exhausted: 0, timeout: 0, shutdown: 0 },
  };
  let inFlight = 0;
  let waitingItems = 0; // what `maxQueuedItems` bounds; a retried payload returns to it unchecked
  let waitingBytes = 0; // the same for `maxQueuedBytes`
  let inFlightBytes = 0; // what is in flight: counted against the budget while exports fail
  let closed = false;
  let backoff = 0; // grows while the endpoint keeps failing, reset by a delivery
  let failingSince = 0; // failed attempts since the last delivery: one warning per outage
  let stalledAttempts = 0; // attempts in flight unanswered for longer than `stalledAfter`
  let pauseTimer: NodeJS.Timeout | undefined;
  let idleWaiters: Array<() => void> = [];

  const settle = (entry: Entry<T>, outcome: DeliveryOutcome, failure?: DeliveryFailure) => {
    stats.queued -= entry.items;
    stats.queuedBytes -= entry.bytes;
    if (outcome.status === 'delivered') stats.delivered += entry.items;
    else stats.failed += entry.items;
    if (entry.attempts > 0) {
      stats.exporting -= entry.items;
      if (failure !== undefined) stats.failedBy[failure] += entry.items;
      try {
        options.onExportConcluded?.(entry.items, performance.now() - entry.firstAttemptAt, failure);
      } catch (error) {
        logger.error(`${options.signal}: an export observer threw`, error);
      }
    }
    try {
      entry.onSettled?.(outcome);
    } catch (error) {
      logger.error(`${options.signal}: a delivery callback threw`, error);
    }
    if (stats.queued === 0 && inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  const pauseFor = (millis: number) => {
    if (pauseTimer !== undefined) clearTimeout(pauseTimer);
    pauseTimer = setTimeout(() => {
      pauseTimer = undefined;
      pump();
    }, millis);
    // A pending retry alone does not keep an idle process alive, but one that awaits a flush
    // (a shutdown, bounded by its deadline) waits for it rather than exiting with data queued.
    if (idleWaiters.length === 0) pauseTimer.unref();
  };

  const onOutcome = (entry: Entry<T>, outcome: DeliveryOutcome, timedOut = false) => {
    inFlight--;
    inFlightBytes -= entry.bytes;
    stats.inFlight = inFlight;
    if (outcome.status === 'delivered') {
      if (failingSince > 0) {
        logger.info(`${options.signal}: export recovered after ${failingSince} failed attempt(s)`);
      }
      backoff = 0;
      failingSince = 0;
      settle(entry, outcome);
      pump();
      return;
    }
    failingSince++;
    const nextBackoff = Math.min(backoff === 0 ? initialBackoff : backoff * 2, maxBackoff);
    const retryIn = outcome.status === 'retryable' ? (outcome.retryInMillis ?? 0) : 0;
    const delay = Math.max(retryIn, jitter(nextBackoff));
    // The next attempt would start past the budget: give up now rather than after the wait.
    const overBudget =
      budget !== undefined && performance.now() + delay - entry.firstAttemptAt > budget;
    if (outcome.status === 'retryable' && !closed && entry.attempts < maxAttempts && !overBudget) {
      backoff = nextBackoff;
      const message = `${options.signal}: export failed (${describe(outcome.error)}); retrying in ${Math.round(delay)} ms`;
      if (failingSince === 1) logger.warn(`${message}, with a growing backoff while it fails`);
      else logger.debug(message);
      if (compressWaiting !== undefined) holdCompressed(entry);
      waiting.unshift(entry); // it keeps its place at the head
      waitingItems += entry.items;
      waitingBytes += entry.bytes;
      pauseFor(delay);
      return;
    }
    const spent =
      outcome.status === 'retryable' && overBudget && entry.attempts < maxAttempts
        ? ` (its retry budget of ${budget} ms is spent)`
        : '';
    logger.error(
      `${options.signal}: export of ${entry.items} item(s) failed after ${entry.attempts} attempt(s)${spent}, dropped: ${describe(outcome.error)}`,
    );
    const failure: DeliveryFailure = timedOut
      ? 'timeout'
      : outcome.status === 'retryable'
        ? closed
          ? 'shutdown'
          : 'retries_exhausted'
        : 'rejected';
    settle(entry, outcome, failure);
    pump();
  };

  /** A payload that failed waits for its retry compressed, as one that never started does. */
  const holdCompressed = (entry: Entry<T>) => {
    entry.payload = (compressWaiting as (payload: T) => T)(entry.payload);
    const bytes = sizeOf === undefined ? 0 : sizeOf(entry.payload);
    stats.queuedBytes += bytes - entry.bytes;
    entry.bytes = bytes;
  };

  const start = (entry: Entry<T>) => {
    if (entry.attempts === 0) {
      entry.firstAttemptAt = performance.now();
      stats.started += entry.items;
      stats.exporting += entry.items;
    }
    entry.attempts++;
    inFlight++;
    inFlightBytes += entry.bytes;
    stats.inFlight = inFlight;
    if (inFlight > stats.peakInFlight) stats.peakInFlight = inFlight;
    let answered = false;
    let stalled = false;
    // A collector that does not answer (a black hole, a hung proxy) fails an attempt only at its
    // timeout, seconds later: an attempt unanswered this long counts as failing already. A timer,
    // not a clock read at enqueue, so a synchronous burst (no timer can fire) keeps the full budget.
    const stallTimer =
      maxBytesWhileFailing < maxBytes
        ? setTimeout(() => {
            stalled = true;
            stalledAttempts++;
          }, stalledAfter)
        : undefined;
    stallTimer?.unref();
    const answer = (outcome: DeliveryOutcome, timedOut = false) => {
      if (answered) return;
      answered = true;
      if (timer !== undefined) clearTimeout(timer);
      if (stallTimer !== undefined) clearTimeout(stallTimer);
      if (stalled) stalledAttempts--;
      onOutcome(entry, outcome, timedOut);
    };
    // A deliver() that never settles (a hanging custom exporter) must not hold its slot forever.
    const timer =
      attemptTimeout === undefined
        ? undefined
        : setTimeout(
            () =>
              answer(
                {
                  status: 'failed',
                  error: new Error(
                    `Timeout: the export did not finish within ${attemptTimeout} ms`,
                  ),
                },
                true,
              ),
            attemptTimeout,
          );
    timer?.unref();
    let delivery: Promise<DeliveryOutcome>;
    try {
      // Never traced itself: with the http instrumentation on, the export's own request would be
      // a span exported in turn (and a child of whatever span scheduled the batch).
      delivery = context.with(suppressTracing(context.active()), () =>
        options.deliver(entry.payload),
      );
    } catch (error) {
      delivery = Promise.resolve({ status: 'failed', error });
    }
    delivery.then(answer, (error: unknown) => answer({ status: 'failed', error }));
  };

  function pump(): void {
    while (pauseTimer === undefined && inFlight < maxInFlight && waiting.length > 0) {
      const entry = waiting.shift() as Entry<T>;
      waitingItems -= entry.items;
      waitingBytes -= entry.bytes;
      start(entry);
    }
  }

  /** Exports are failing: the last attempt failed, or one in flight has gone unanswered. */
  const failing = () => failingSince > 0 || stalledAttempts > 0;
  const byteBound = () => (failing() ? maxBytesWhileFailing : maxBytes);

  let warnedFull = false;
  /**
   * Counts items refused for want of room; the first time, says which bound was reached and the
   * setting that sizes it.
   */
  const dropForRoom = (items: number, bytes: number) => {
    stats.dropped += items;
    if (warnedFull) return;
    warnedFull = true;
    // The bound nearer full: an item dropped as it arrives (`drop(1)`) was refused for want of
    // room for its whole batch, so `items` alone does not say which bound ran out.
    const bound = byteBound();
    const byBytes = Number.isFinite(bound) && waitingBytes / bound >= waitingItems / maxItems;
    const whileFailing = byBytes && bound < maxBytes;
    const option = whileFailing
      ? options.queueBytesWhileFailingOption
      : byBytes
        ? options.queueBytesOption
        : options.queueSizeOption;
    const held = byBytes
      ? `${waitingBytes} of ${bound} bytes waiting${whileFailing ? ' while exports fail' : ''}, ${bytes} more`
      : `${maxItems} items waiting`;
    const raise = option === undefined ? '' : `; raise ${option} if this load is normal`;
    logger.warn(
      `${options.signal}: the export queue is full (${held}), dropping ${items} item(s); further drops are counted, not logged${raise}`,
    );
  };
  /**
   * While exports fail, what is in flight counts against the budget too: an attempt that fails
   * returns its payload to the queue, so the room it left while in flight is not room. Without
   * this every retry admitted one more batch, held as item objects while it filled, which
   * survived V8's young-generation collections and so grew the young generation (16 → 32 MiB) in
   * a long outage (docs/benchmarks.md, "Collector down memory", fifth pass).
   */
  const heldBytes = () => (failing() ? waitingBytes + inFlightBytes : waitingBytes);
  const fits = (items: number, bytes: number) =>
    waitingItems + items <= maxItems && heldBytes() + bytes <= byteBound();
  /** What `items` items will take once encoded, from what the accepted ones took. */
  const estimateBytes = (items: number) =>
    stats.accepted === 0 ? 0 : Math.ceil((stats.acceptedBytes / stats.accepted) * items);

  return {
    enqueue(payload, items, onSettled) {
      if (closed) {
        stats.dropped += items;
        return false;
      }
      // One that must wait is held compressed (past `compressWaitingAboveBytes` while exports
      // succeed), and its compressed bytes are what the budget counts.
      const waits = pauseTimer !== undefined || inFlight >= maxInFlight || waiting.length > 0;
      const held =
        waits &&
        compressWaiting !== undefined &&
        (failing() || waitingBytes + (sizeOf?.(payload) ?? 0) > compressAbove)
          ? compressWaiting(payload)
          : payload;
      const bytes = sizeOf === undefined ? 0 : sizeOf(held);
      if (!fits(items, bytes)) {
        dropForRoom(items, bytes);
        return false;
      }
      stats.accepted += items;
      stats.acceptedBytes += bytes;
      stats.queued += items;
      stats.queuedBytes += bytes;
      if (stats.queuedBytes > stats.peakQueuedBytes) stats.peakQueuedBytes = stats.queuedBytes;
      waiting.push({ payload: held, items, bytes, attempts: 0, firstAttemptAt: 0, onSettled });
      waitingItems += items;
      waitingBytes += bytes;
      pump();
      return true;
    },
    hasRoomFor: (items) => !closed && fits(items, estimateBytes(items)),
    drop(items) {
      if (closed) stats.dropped += items;
      else dropForRoom(items, estimateBytes(items));
    },
    flush() {
      if (stats.queued === 0 && inFlight === 0) return Promise.resolve();
      // Try the endpoint now rather than after the backoff: it may be back, and a flush is
      // usually bounded by a deadline shorter than the longest backoff.
      if (pauseTimer !== undefined) {
        clearTimeout(pauseTimer);
        pauseTimer = undefined;
        pump();
      }
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      if (pauseTimer !== undefined) {
        clearTimeout(pauseTimer);
        pauseTimer = undefined;
      }
      const givenUp = waiting.splice(0);
      waitingItems = 0;
      waitingBytes = 0;
      for (const entry of givenUp) {
        settle(
          entry,
          { status: 'failed', error: new Error('the export queue was closed') },
          'shutdown',
        );
      }
    },
    stats: () => ({ ...stats, failedBy: { ...stats.failedBy } }),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
