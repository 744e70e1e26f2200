import type { DemoEvent, EventType, WindowResult } from './types.js';

/** Options of {@link createTumblingWindows}. */
export interface TumblingWindowsOptions {
  /** Window length (milliseconds). */
  sizeMillis: number;
  /** How far the watermark trails the largest event time seen (bounded out-of-orderness). */
  maxOutOfOrderMillis: number;
  /** How long after its end (by the watermark) a window still accepts late events. */
  allowedLatenessMillis: number;
}

/** What happened to one event offered to the windows. */
export type AddOutcome =
  /**
   * Added to a window (`opened` when this event created it). `late`: the event was behind the
   * watermark, but its window still accepted it (within the allowed lateness).
   */
  | { status: 'added'; windowId: string; late: boolean; opened: boolean }
  /** Its window is closed (the watermark passed its end plus the allowed lateness): dropped. */
  | { status: 'too-late'; windowId: string };

interface OpenWindow {
  result: WindowResult;
  customers: Set<string>;
}

/** Tumbling event-time windows per event type, with a watermark and allowed lateness. */
export interface TumblingWindows {
  add(event: DemoEvent): AddOutcome;
  /** Fires (and forgets) every window the watermark has passed, oldest first. */
  fire(): WindowResult[];
  /** Fires every open window, e.g. at shutdown. */
  flushAll(): WindowResult[];
  /** The watermark (epoch milliseconds), or `undefined` before the first event. */
  readonly watermarkMillis: number | undefined;
  readonly activeWindows: number;
}

/** Start of the window holding `timeMillis`. */
export function windowStart(timeMillis: number, sizeMillis: number): number {
  return timeMillis - (((timeMillis % sizeMillis) + sizeMillis) % sizeMillis);
}

/** Creates the window state of one processor. */
export function createTumblingWindows(options: TumblingWindowsOptions): TumblingWindows {
  const { sizeMillis, maxOutOfOrderMillis, allowedLatenessMillis } = options;
  const open = new Map<string, OpenWindow>();
  let maxEventTime: number | undefined;

  const watermark = () =>
    maxEventTime === undefined ? undefined : maxEventTime - maxOutOfOrderMillis;
  const isDue = (w: WindowResult, wm: number) => w.endMillis + allowedLatenessMillis <= wm;
  const take = (due: (w: WindowResult) => boolean) => {
    const fired = [...open.entries()]
      .filter(([, w]) => due(w.result))
      .sort(([, a], [, b]) => a.result.startMillis - b.result.startMillis);
    for (const [id, w] of fired) {
      open.delete(id);
      w.result.customers = w.customers.size;
    }
    return fired.map(([, w]) => w.result);
  };

  return {
    add(event) {
      const start = windowStart(event.eventTimeMillis, sizeMillis);
      const windowId = `${event.type}@${start}`;
      const wm = watermark();
      const late = wm !== undefined && event.eventTimeMillis < wm;
      let window = open.get(windowId);
      // A window the watermark has passed by more than the allowed lateness is closed for good.
      if (!window && wm !== undefined && start + sizeMillis + allowedLatenessMillis <= wm) {
        return { status: 'too-late', windowId };
      }
      const opened = !window;
      if (!window) {
        window = {
          result: emptyResult(windowId, event.type, start, sizeMillis),
          customers: new Set(),
        };
        open.set(windowId, window);
      }
      window.result.count++;
      window.result.total = Math.round((window.result.total + event.amount) * 100) / 100;
      window.customers.add(event.customerId);
      if (late) window.result.lateEvents++;
      maxEventTime = Math.max(maxEventTime ?? event.eventTimeMillis, event.eventTimeMillis);
      return { status: 'added', windowId, late, opened };
    },
    fire() {
      const wm = watermark();
      return wm === undefined ? [] : take((w) => isDue(w, wm));
    },
    flushAll() {
      return take(() => true);
    },
    get watermarkMillis() {
      return watermark();
    },
    get activeWindows() {
      return open.size;
    },
  };
}

function emptyResult(
  windowId: string,
  eventType: EventType,
  start: number,
  size: number,
): WindowResult {
  return {
    windowId,
    eventType,
    startMillis: start,
    endMillis: start + size,
    count: 0,
    total: 0,
    customers: 0,
    lateEvents: 0,
  };
}
