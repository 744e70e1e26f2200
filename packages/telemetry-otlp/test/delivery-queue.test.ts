import { diag } from '@opentelemetry/api';
import { installTestDiagLogger, waitFor } from '@proc/telemetry-testing';
import { createDeliveryQueue, type DeliveryOutcome } from '../src/index.js';

/** A deliver() under test control: each call waits until the test answers it. */
function controlledDeliver() {
  const calls: Array<{ payload: string; answer: (outcome: DeliveryOutcome) => void }> = [];
  let open = 0;
  let peak = 0;
  const deliver = (payload: string) =>
    new Promise<DeliveryOutcome>((resolve) => {
      open++;
      peak = Math.max(peak, open);
      calls.push({
        payload,
        answer: (outcome) => {
          open--;
          resolve(outcome);
        },
      });
    });
  return {
    deliver,
    calls,
    get peak() {
      return peak;
    },
    /** Answers the oldest unanswered call, once one is waiting (a retry comes after its backoff). */
    async answerNext(outcome: DeliveryOutcome) {
      await waitFor('a delivery to answer', () => calls.length > 0, { timeoutMs: 5000 });
      const call = calls.shift() as (typeof calls)[number];
      call.answer(outcome);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const unavailable: DeliveryOutcome = { status: 'retryable', error: new Error('UNAVAILABLE') };
const fast = { initialBackoffMillis: 1, maxBackoffMillis: 4 };

describe('createDeliveryQueue', () => {
  afterEach(() => diag.disable());

  describe('enqueue()', () => {
    it('should start at most maxInFlight deliveries and the next one when one settles', async () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
      });
      for (const payload of ['a', 'b', 'c']) queue.enqueue(payload, 1);
      expect(target.calls.map((call) => call.payload)).toEqual(['a']);
      await target.answerNext({ status: 'delivered' });
      expect(target.calls.map((call) => call.payload)).toEqual(['b']);
      expect(queue.stats()).toMatchObject({ accepted: 3, delivered: 1, queued: 2, inFlight: 1 });
    });

    it('should allow a configured maxInFlight', () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
        maxInFlight: 2,
      });
      for (const payload of ['a', 'b', 'c']) queue.enqueue(payload, 1);
      expect(target.calls).toHaveLength(2);
      expect(queue.stats().peakInFlight).toBe(2);
    });

    it('should refuse and count what does not fit beside the waiting items', () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 10,
      });
      expect(queue.enqueue('in flight', 10)).toBe(true);
      expect(queue.enqueue('waiting', 10)).toBe(true);
      expect(queue.hasRoomFor(1)).toBe(false);
      expect(queue.enqueue('refused', 1)).toBe(false);
      queue.drop(5);
      expect(queue.stats()).toMatchObject({ accepted: 20, dropped: 6, queued: 20 });
    });

    it('should warn once, at the first drop, naming the setting that sizes the queue', () => {
      const diagLog = installTestDiagLogger();
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 'traces',
        deliver: target.deliver,
        maxQueuedItems: 10,
        queueSizeOption: 'traces.batch.maxQueueSize (OTEL_BSP_MAX_QUEUE_SIZE)',
      });
      queue.enqueue('in flight', 10);
      queue.enqueue('waiting', 10);
      queue.enqueue('refused', 3);
      queue.drop(4);
      queue.enqueue('refused again', 1);
      const warnings = diagLog.texts('warn');
      expect(warnings).toEqual([
        expect.stringMatching(
          /traces: the export queue is full \(10 items waiting\), dropping 3 item\(s\); further drops are counted, not logged; raise traces\.batch\.maxQueueSize \(OTEL_BSP_MAX_QUEUE_SIZE\) if this load is normal$/,
        ),
      ]);
      expect(queue.stats().dropped).toBe(8);
    });

    it('should not call what is refused after close() a full queue', () => {
      const diagLog = installTestDiagLogger();
      const queue = createDeliveryQueue({
        signal: 'traces',
        deliver: controlledDeliver().deliver,
        maxQueuedItems: 10,
      });
      queue.close();
      expect(queue.enqueue('late', 2)).toBe(false);
      queue.drop(1);
      expect(queue.stats().dropped).toBe(3);
      expect(diagLog.texts('warn')).toEqual([]);
    });
  });

  describe('retries', () => {
    it('should retry a retryable failure in its own slot, never beside it (regression: retries ran outside the in-flight limit)', async () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
        retry: { initialBackoffMillis: 200 },
      });
      queue.enqueue('a', 1);
      queue.enqueue('b', 1);
      await target.answerNext(unavailable);
      expect(target.calls).toHaveLength(0); // backing off: nothing new starts
      await waitFor('the retry', () => target.calls.length > 0);
      expect(target.calls.map((call) => call.payload)).toEqual(['a']);
      await target.answerNext({ status: 'delivered' });
      expect(target.calls.map((call) => call.payload)).toEqual(['b']);
      expect(target.peak).toBe(1);
    });

    it('should give up after maxAttempts and count the items as failed', async () => {
      const target = controlledDeliver();
      const diagLog = installTestDiagLogger();
      const settled: DeliveryOutcome[] = [];
      const queue = createDeliveryQueue({
        signal: 'traces',
        deliver: target.deliver,
        maxQueuedItems: 100,
        retry: { ...fast, maxAttempts: 3 },
      });
      queue.enqueue('a', 7, (outcome) => settled.push(outcome));
      for (let attempt = 0; attempt < 3; attempt++) await target.answerNext(unavailable);
      expect(settled).toEqual([unavailable]);
      expect(queue.stats()).toMatchObject({ failed: 7, queued: 0 });
      expect(diagLog.has('warn', /traces: export failed \(UNAVAILABLE\); retrying/)).toBe(true);
      expect(
        diagLog.has('error', /traces: export of 7 item\(s\) failed after 3 attempt\(s\)/),
      ).toBe(true);
    });

    it('should give up a payload whose next attempt would start past its retry budget', async () => {
      const target = controlledDeliver();
      const diagLog = installTestDiagLogger();
      const queue = createDeliveryQueue({
        signal: 'traces',
        deliver: target.deliver,
        maxQueuedItems: 100,
        // The first retry waits about 1000 ms: more than the whole budget.
        retry: { maxAttempts: 10, initialBackoffMillis: 1000, budgetMillis: 500 },
      });
      queue.enqueue('a', 2);
      await target.answerNext(unavailable);
      expect(queue.stats()).toMatchObject({ failed: 2, queued: 0 });
      expect(target.calls).toHaveLength(0);
      expect(
        diagLog.has(
          'error',
          /traces: export of 2 item\(s\) failed after 1 attempt\(s\) \(its retry budget of 500 ms is spent\)/,
        ),
      ).toBe(true);
    });

    it("should wait at least the server's retryInMillis", async () => {
      const delays: number[] = [];
      const realSetTimeout = global.setTimeout;
      jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
        delays.push(ms ?? 0);
        return realSetTimeout(fn, 0);
      }) as typeof setTimeout);
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
        retry: fast,
      });
      queue.enqueue('a', 1);
      await target.answerNext({ ...unavailable, retryInMillis: 2500 } as DeliveryOutcome);
      await target.answerNext({ status: 'delivered' });
      expect(delays).toContain(2500);
      expect(queue.stats()).toMatchObject({ delivered: 1 });
    });

    it('should not retry a failure the endpoint called final', async () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
      });
      queue.enqueue('a', 1);
      await target.answerNext({ status: 'failed', error: new Error('400') });
      expect(queue.stats()).toMatchObject({ failed: 1, queued: 0 });
      expect(target.calls).toHaveLength(0);
    });

    it('should double the backoff while the endpoint keeps failing and reset it on a delivery', async () => {
      const delays: number[] = [];
      const realSetTimeout = global.setTimeout;
      jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
        delays.push(ms ?? 0);
        return realSetTimeout(fn, 0);
      }) as typeof setTimeout);
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
        retry: { initialBackoffMillis: 1000, maxBackoffMillis: 4000, maxAttempts: 10 },
      });
      const backedOff = () => new Promise((resolve) => realSetTimeout(resolve, 5));
      queue.enqueue('a', 1);
      for (let i = 0; i < 4; i++) {
        await target.answerNext(unavailable);
        await backedOff();
      }
      await target.answerNext({ status: 'delivered' });
      queue.enqueue('b', 1);
      await target.answerNext(unavailable);
      // ±20% jitter around 1000, 2000, 4000, 4000 (capped), then 1000 again after the delivery.
      const expected = [1000, 2000, 4000, 4000, 1000];
      expect(delays).toHaveLength(expected.length);
      delays.forEach((delay, i) => {
        expect(delay).toBeGreaterThanOrEqual((expected[i] as number) * 0.8);
        expect(delay).toBeLessThanOrEqual((expected[i] as number) * 1.2);
      });
    });
  });

  describe('stats() and onExportConcluded', () => {
    it('should count what began, what is exporting and why what began was given up', async () => {
      const target = controlledDeliver();
      const concluded: Array<[number, string | undefined]> = [];
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
        maxInFlight: 3,
        retry: { ...fast, maxAttempts: 2 },
        onExportConcluded: (items, durationMillis, failure) => {
          expect(durationMillis).toBeGreaterThanOrEqual(0);
          concluded.push([items, failure]);
        },
      });
      queue.enqueue('delivered', 1);
      queue.enqueue('rejected', 2);
      queue.enqueue('exhausted', 4);
      expect(queue.stats()).toMatchObject({ started: 7, exporting: 7 });
      await target.answerNext({ status: 'delivered' });
      await target.answerNext({ status: 'failed', error: new Error('400') });
      await target.answerNext(unavailable);
      expect(queue.stats()).toMatchObject({ exporting: 4 }); // waiting for its retry
      await target.answerNext(unavailable);
      expect(queue.stats()).toMatchObject({
        delivered: 1,
        failed: 6,
        started: 7,
        exporting: 0,
        failedBy: { rejected: 2, retries_exhausted: 4, timeout: 0, shutdown: 0 },
      });
      expect(concluded).toEqual([
        [1, undefined],
        [2, 'rejected'],
        [4, 'retries_exhausted'],
      ]);
    });

    it('should call a retry cut short by close() shutdown, and what never began nothing', async () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
        retry: { initialBackoffMillis: 60_000 },
      });
      queue.enqueue('retried', 1);
      queue.enqueue('never began', 5);
      await target.answerNext(unavailable);
      queue.close();
      expect(queue.stats()).toMatchObject({
        failed: 6,
        started: 1,
        exporting: 0,
        failedBy: { shutdown: 1 },
      });
    });
  });

  describe('flush()', () => {
    it('should resolve once everything accepted has settled, retrying a backed-off payload at once', async () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
        retry: { initialBackoffMillis: 60_000 },
      });
      queue.enqueue('a', 1);
      await target.answerNext(unavailable);
      let flushed = false;
      const flush = queue.flush().then(() => {
        flushed = true;
      });
      expect(target.calls.map((call) => call.payload)).toEqual(['a']); // not after 60 s
      await target.answerNext({ status: 'delivered' });
      await flush;
      expect(flushed).toBe(true);
    });

    it('should resolve at once when nothing is queued', async () => {
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: async () => ({ status: 'delivered' }),
        maxQueuedItems: 1,
      });
      await expect(queue.flush()).resolves.toBeUndefined();
    });
  });

  describe('maxQueuedBytes', () => {
    const sized = (target: ReturnType<typeof controlledDeliver>, maxQueuedBytes: number) =>
      createDeliveryQueue<string>({
        signal: 'traces',
        deliver: target.deliver,
        maxQueuedBytes,
        sizeOf: (payload) => payload.length,
        queueBytesOption: 'traces.export.maxQueueBytes (PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES)',
      });

    it('should hold what fits in the bytes waiting, the payload in flight on top, and drop the rest counted', () => {
      const diagLog = installTestDiagLogger();
      const target = controlledDeliver();
      const queue = sized(target, 10);
      expect(queue.enqueue('in flight!', 100)).toBe(true); // 10 bytes, in flight at once
      expect(queue.enqueue('12345', 100)).toBe(true);
      expect(queue.enqueue('67890', 100)).toBe(true); // 10 bytes waiting: full
      expect(queue.enqueue('x', 7)).toBe(false);
      expect(queue.stats()).toMatchObject({
        accepted: 300,
        dropped: 7,
        queued: 300,
        queuedBytes: 20,
        peakQueuedBytes: 20,
      });
      const warnings = diagLog.texts('warn');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/\(10 of 10 bytes waiting, 1 more\), dropping 7 item\(s\)/);
      expect(warnings[0]).toMatch(/raise traces\.export\.maxQueueBytes/);
    });

    it('should not bound by count when only bytes are given', () => {
      const target = controlledDeliver();
      const queue = sized(target, 1000);
      for (let i = 0; i < 50; i++) expect(queue.enqueue('ab', 10_000)).toBe(true);
      expect(queue.stats()).toMatchObject({ accepted: 500_000, dropped: 0, queuedBytes: 100 });
    });

    it('should free the bytes of what was delivered and estimate the next payload from the accepted ones', async () => {
      const target = controlledDeliver();
      const queue = sized(target, 8);
      queue.enqueue('aaaa', 2); // in flight
      queue.enqueue('bbbb', 2);
      queue.enqueue('cccc', 2); // 8 bytes waiting
      expect(queue.hasRoomFor(2)).toBe(false); // 2 bytes an item so far: 4 more do not fit
      await target.answerNext({ status: 'delivered' });
      expect(queue.stats()).toMatchObject({ delivered: 2, queuedBytes: 8 });
      expect(queue.hasRoomFor(2)).toBe(true); // 'bbbb' is in flight now: 4 bytes waiting
      queue.drop(3);
      expect(queue.stats().dropped).toBe(3);
    });
  });

  describe('maxQueuedBytesWhileFailing', () => {
    const budgeted = (target: ReturnType<typeof controlledDeliver>, stalledAfterMillis = 60_000) =>
      createDeliveryQueue<string>({
        signal: 'traces',
        deliver: target.deliver,
        maxQueuedBytes: 100,
        maxQueuedBytesWhileFailing: 4,
        stalledAfterMillis,
        sizeOf: (payload) => payload.length,
        queueBytesOption: 'traces.export.maxQueueBytes (PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES)',
        queueBytesWhileFailingOption:
          'traces.export.maxQueueBytesWhileFailing (PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES_WHILE_FAILING)',
        retry: { maxAttempts: 1 },
      });

    it('should admit only the smaller budget from a failed attempt to the next delivery, keeping what it held', async () => {
      const diagLog = installTestDiagLogger();
      const target = controlledDeliver();
      const queue = budgeted(target);
      queue.enqueue('in flight', 1);
      for (const payload of ['aaaa', 'bbbb', 'cccc']) expect(queue.enqueue(payload, 1)).toBe(true);
      await target.answerNext(unavailable); // given up: 1 attempt
      // 12 bytes wait, above the 4 admitted while failing: they stay, nothing new comes in.
      expect(queue.stats()).toMatchObject({ queuedBytes: 12, failed: 1 });
      expect(queue.enqueue('dd', 1)).toBe(false);
      expect(queue.stats().dropped).toBe(1);
      expect(diagLog.texts('warn').at(-1)).toMatch(
        /\(8 of 4 bytes waiting while exports fail, 2 more\).*raise traces\.export\.maxQueueBytesWhileFailing/,
      );
      await target.answerNext({ status: 'delivered' });
      // Delivered: the full budget again.
      expect(queue.enqueue('eeeeeeeeee', 1)).toBe(true);
    });

    it('should count a retry in flight against the budget while failing: the room it leaves is not room', async () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue<string>({
        signal: 'traces',
        deliver: target.deliver,
        maxQueuedBytes: 100,
        maxQueuedBytesWhileFailing: 10,
        stalledAfterMillis: 60_000,
        sizeOf: (payload) => payload.length,
        retry: fast,
      });
      queue.enqueue('aaaa', 1); // in flight
      queue.enqueue('bbbb', 1);
      queue.enqueue('cccc', 1);
      await target.answerNext(unavailable); // failing: 'aaaa' waits for its retry, 12 bytes wait
      expect(queue.enqueue('d', 1)).toBe(false);
      await waitFor('the retry to start', () => target.calls.length === 1, { timeoutMs: 5000 });
      // 'aaaa' is in flight again: 8 bytes wait, and 9 would fit 10, but with the retry 12 are
      // held, and it comes back if it fails.
      expect(queue.stats()).toMatchObject({ inFlight: 1, queuedBytes: 12 });
      expect(queue.enqueue('d', 1)).toBe(false);
      expect(queue.stats().dropped).toBe(2);
      await target.answerNext({ status: 'delivered' });
      // Delivered: no longer failing; only what waits counts, against the full budget.
      expect(queue.enqueue('eeeeeeeeee', 1)).toBe(true);
    });

    it('should count an attempt unanswered past stalledAfterMillis as failing, but not during a synchronous burst', async () => {
      const target = controlledDeliver();
      const queue = budgeted(target, 20);
      queue.enqueue('in flight', 1);
      // No timer can fire while this loop runs: the burst gets the full budget.
      for (let i = 0; i < 10; i++) expect(queue.enqueue('xxxxxxxxxx', 1)).toBe(true);
      expect(queue.enqueue('y', 1)).toBe(false);
      await target.answerNext({ status: 'delivered' });
      await target.answerNext({ status: 'delivered' });
      // The next attempt goes unanswered: once stalled, the queue (80 bytes waiting) admits nothing.
      await waitFor('the attempt to stall', () => !queue.hasRoomFor(1), { timeoutMs: 5000 });
      expect(queue.enqueue('z', 1)).toBe(false);
      await target.answerNext({ status: 'delivered' });
      expect(queue.enqueue('z', 1)).toBe(true);
    });
  });

  describe('compressWaiting', () => {
    /** Payloads of repeated letters "compress" to one letter and their count: 'aaaa' -> 'a4'. */
    const squeeze = (payload: string) =>
      payload.startsWith('#') ? payload : `#${payload[0]}${payload.length}`;
    const compressing = (target: ReturnType<typeof controlledDeliver>, maxQueuedBytes: number) =>
      createDeliveryQueue<string>({
        signal: 'traces',
        deliver: target.deliver,
        maxQueuedBytes,
        sizeOf: (payload) => payload.length,
        compressWaiting: squeeze,
        retry: fast,
      });

    it('should deliver a payload that starts at once as given and hold the waiting ones compressed, counted at that size', async () => {
      const target = controlledDeliver();
      const queue = compressing(target, 10);
      expect(queue.enqueue('aaaaaaaaaa', 10)).toBe(true); // in flight at once, as given
      expect(queue.enqueue('bbbbbbbbbb', 10)).toBe(true); // waits as '#b10': 4 bytes
      expect(queue.enqueue('cccccccccc', 10)).toBe(true); // 8 bytes waiting
      expect(queue.enqueue('dddddddddd', 10)).toBe(false); // 12 would not fit
      expect(queue.stats()).toMatchObject({ queuedBytes: 18, dropped: 10 });
      await target.answerNext({ status: 'delivered' });
      expect(target.calls.map((call) => call.payload)).toEqual(['#b10']);
    });

    it('should hold a short backlog as given while exports succeed, and compress past compressWaitingAboveBytes or once failing', async () => {
      const target = controlledDeliver();
      const sent: string[] = [];
      const queue = createDeliveryQueue<string>({
        signal: 'traces',
        deliver: (payload, ...rest) => {
          sent.push(payload);
          return target.deliver(payload, ...rest);
        },
        maxQueuedBytes: 100,
        sizeOf: (payload) => payload.length,
        compressWaiting: squeeze,
        compressWaitingAboveBytes: 15,
        retry: fast,
      });
      queue.enqueue('aaaaaaaaaa', 10); // in flight
      queue.enqueue('bbbbbbbbbb', 10); // 10 waiting: within 15, as given
      queue.enqueue('cccccccccc', 10); // 20 would pass 15: '#c10'
      expect(queue.stats().queuedBytes).toBe(24);
      await target.answerNext(unavailable); // 'a' fails: it and what comes now wait compressed
      queue.enqueue('dd', 2);
      await target.answerNext({ status: 'delivered' });
      await target.answerNext({ status: 'delivered' });
      await target.answerNext({ status: 'delivered' });
      await target.answerNext({ status: 'delivered' });
      expect(sent).toEqual(['aaaaaaaaaa', '#a10', 'bbbbbbbbbb', '#c10', '#d2']);
    });

    it('should compress a payload that failed while it waits for its retry', async () => {
      const target = controlledDeliver();
      const queue = compressing(target, 100);
      queue.enqueue('aaaaaaaaaa', 10);
      expect(queue.stats().queuedBytes).toBe(10);
      await target.answerNext(unavailable);
      expect(queue.stats().queuedBytes).toBe(4);
      await target.answerNext({ status: 'delivered' });
      expect(queue.stats()).toMatchObject({ delivered: 10, queuedBytes: 0 });
    });
  });

  describe('close()', () => {
    it('should give up the waiting payloads and refuse new ones', async () => {
      const target = controlledDeliver();
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: target.deliver,
        maxQueuedItems: 100,
      });
      queue.enqueue('a', 1);
      queue.enqueue('b', 2);
      queue.close();
      expect(queue.enqueue('c', 4)).toBe(false);
      await target.answerNext({ status: 'delivered' });
      expect(queue.stats()).toMatchObject({ delivered: 1, failed: 2, dropped: 4, queued: 0 });
    });
  });

  describe('attemptTimeoutMillis', () => {
    it('should free the slot of a delivery that never settles', async () => {
      const settled: DeliveryOutcome[] = [];
      const queue = createDeliveryQueue({
        signal: 't',
        deliver: () => new Promise<DeliveryOutcome>(() => undefined),
        maxQueuedItems: 100,
        attemptTimeoutMillis: 10,
      });
      queue.enqueue('a', 1, (outcome) => settled.push(outcome));
      await queue.flush();
      expect(settled[0]).toMatchObject({ status: 'failed' });
      expect(String((settled[0] as { error: Error }).error)).toMatch(/Timeout/);
    });
  });
});
