import type { DemoEvent, QueueMessage } from '../../src/types.js';

let offset = 0;

/** A queue message holding `event` (or a raw value), as the producer would append it. */
export function testMessage(
  event: DemoEvent | string,
  headers: Record<string, string> = {},
): QueueMessage {
  return {
    topic: 'events',
    partition: 0,
    offset: offset++,
    key: typeof event === 'string' ? 'poison' : event.customerId,
    value: typeof event === 'string' ? event : JSON.stringify(event),
    headers,
    timestampMillis: 0,
  };
}

/** An order event at `eventTimeMillis`. */
export function testEvent(
  id: string,
  eventTimeMillis: number,
  overrides: Partial<DemoEvent> = {},
): DemoEvent {
  return { id, type: 'order', customerId: 'c-1', amount: 5, eventTimeMillis, ...overrides };
}
