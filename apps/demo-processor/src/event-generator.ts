import type { Random } from './seeded-random.js';
import type { DemoEvent } from './types.js';

/** Options of {@link createEventGenerator}. */
export interface EventGeneratorOptions {
  random: Random;
  /** Wall clock (epoch milliseconds). Default `Date.now`. */
  now?: () => number;
  /** Share of events that are redelivered duplicates of an earlier one. Default 0.05. */
  duplicateRate?: number;
  /** Share of events whose event time lies in the past (late arrivals). Default 0.05. */
  lateRate?: number;
  /** How far in the past a late event happened, at most (milliseconds). Default 8000. */
  maxLatenessMillis?: number;
  /** Share of messages that are not valid events at all. Default 0.01. */
  poisonRate?: number;
}

/** What the producer should send next. */
export type GeneratedMessage =
  | { kind: 'event'; event: DemoEvent; duplicate: boolean }
  | { kind: 'poison'; key: string; value: string };

const CUSTOMERS = 20;

/**
 * Synthetic traffic: orders and clicks for a few customers, with occasional duplicates
 * (at-least-once redelivery), late events and poison messages.
 */
export function createEventGenerator(options: EventGeneratorOptions) {
  const random = options.random;
  const now = options.now ?? Date.now;
  const duplicateRate = options.duplicateRate ?? 0.05;
  const lateRate = options.lateRate ?? 0.05;
  const maxLateness = options.maxLatenessMillis ?? 8000;
  const poisonRate = options.poisonRate ?? 0.01;
  const recent: DemoEvent[] = [];
  let sequence = 0;

  return function next(): GeneratedMessage {
    const roll = random();
    if (roll < poisonRate) {
      sequence++;
      return { kind: 'poison', key: `poison-${sequence}`, value: `{"id":"e-${sequence}",` };
    }
    if (roll < poisonRate + duplicateRate && recent.length > 0) {
      const event = recent[Math.floor(random() * recent.length)]!;
      return { kind: 'event', event, duplicate: true };
    }
    sequence++;
    const late = random() < lateRate;
    const type = random() < 0.3 ? 'order' : 'click';
    const event: DemoEvent = {
      id: `e-${sequence}`,
      type,
      customerId: `c-${Math.floor(random() * CUSTOMERS)}`,
      amount: type === 'order' ? Math.round(random() * 20_000) / 100 : 0,
      eventTimeMillis: now() - (late ? Math.round(maxLateness * (0.5 + random() / 2)) : 0),
    };
    recent.push(event);
    if (recent.length > 50) recent.shift();
    return { kind: 'event', event, duplicate: false };
  };
}
