import { createTumblingWindows, windowStart } from '../src/tumbling-windows.js';
import type { DemoEvent } from '../src/types.js';

let sequence = 0;
function event(eventTimeMillis: number, overrides: Partial<DemoEvent> = {}): DemoEvent {
  sequence++;
  return {
    id: `e-${sequence}`,
    type: 'order',
    customerId: 'c-1',
    amount: 10,
    eventTimeMillis,
    ...overrides,
  };
}

// Windows of 10 s; the watermark trails the newest event by 2 s; windows accept late events
// for 3 s after their end.
const options = { sizeMillis: 10_000, maxOutOfOrderMillis: 2_000, allowedLatenessMillis: 3_000 };

describe('windowStart', () => {
  it('should align times to the window size, negative times included', () => {
    expect(windowStart(0, 10)).toBe(0);
    expect(windowStart(19, 10)).toBe(10);
    expect(windowStart(20, 10)).toBe(20);
    expect(windowStart(-1, 10)).toBe(-10);
  });
});

describe('createTumblingWindows', () => {
  describe('add', () => {
    it('should assign events to tumbling windows per event type', () => {
      const windows = createTumblingWindows(options);
      expect(windows.add(event(1_000))).toEqual({
        status: 'added',
        windowId: 'order@0',
        late: false,
        opened: true,
      });
      expect(windows.add(event(9_999))).toEqual({
        status: 'added',
        windowId: 'order@0',
        late: false,
        opened: false,
      });
      expect(windows.add(event(10_000)).windowId).toBe('order@10000');
      expect(windows.add(event(5_000, { type: 'click' })).windowId).toBe('click@0');
      expect(windows.activeWindows).toBe(3);
    });

    it('should accept an event behind the watermark while its window is open, marked late', () => {
      const windows = createTumblingWindows(options);
      windows.add(event(14_000)); // watermark 12 000: window [0, 10 000) is open until 13 000
      const outcome = windows.add(event(9_000));
      expect(outcome).toEqual({ status: 'added', windowId: 'order@0', late: true, opened: true });
    });

    it('should drop an event whose window the watermark has passed by the allowed lateness', () => {
      const windows = createTumblingWindows(options);
      windows.add(event(1_000));
      windows.add(event(15_000)); // watermark 13 000 = end 10 000 + lateness 3 000
      expect(windows.fire().map((r) => r.windowId)).toEqual(['order@0']);
      expect(windows.add(event(2_000))).toEqual({ status: 'too-late', windowId: 'order@0' });
      // A window that never opened is closed just the same.
      expect(windows.add(event(2_000, { type: 'click' }))).toEqual({
        status: 'too-late',
        windowId: 'click@0',
      });
    });
  });

  describe('fire', () => {
    it('should emit each window once the watermark passes its end plus the lateness, oldest first', () => {
      const windows = createTumblingWindows(options);
      windows.add(event(1_000, { amount: 10.1, customerId: 'a' }));
      windows.add(event(2_000, { amount: 0.2, customerId: 'b' }));
      windows.add(event(11_000, { customerId: 'a' }));
      expect(windows.fire()).toEqual([]); // watermark 9 000
      windows.add(event(14_999)); // watermark 12 999: not yet
      expect(windows.fire()).toEqual([]);
      windows.add(event(25_000)); // watermark 23 000: both windows due
      const fired = windows.fire();
      expect(fired.map((r) => r.windowId)).toEqual(['order@0', 'order@10000']);
      expect(fired[0]).toEqual({
        windowId: 'order@0',
        eventType: 'order',
        startMillis: 0,
        endMillis: 10_000,
        count: 2,
        total: 10.3,
        customers: 2,
        lateEvents: 0,
      });
      expect(windows.fire()).toEqual([]);
      expect(windows.activeWindows).toBe(1);
    });

    it('should count the late events a window accepted', () => {
      const windows = createTumblingWindows(options);
      windows.add(event(1_000));
      windows.add(event(12_500)); // watermark 10 500
      windows.add(event(9_000)); // late, window open until 13 000
      windows.add(event(30_000));
      expect(windows.fire()[0]).toMatchObject({ windowId: 'order@0', count: 2, lateEvents: 1 });
    });

    it('should fire nothing before the first event', () => {
      const windows = createTumblingWindows(options);
      expect(windows.watermarkMillis).toBeUndefined();
      expect(windows.fire()).toEqual([]);
    });
  });

  describe('flushAll', () => {
    it('should emit every open window, e.g. at shutdown', () => {
      const windows = createTumblingWindows(options);
      windows.add(event(1_000));
      windows.add(event(1_000, { type: 'click' }));
      expect(windows.flushAll().map((r) => r.windowId)).toEqual(['order@0', 'click@0']);
      expect(windows.activeWindows).toBe(0);
    });
  });
});
