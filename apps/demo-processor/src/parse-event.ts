import type { DemoEvent } from './types.js';

/** Thrown for a message whose value is not a valid {@link DemoEvent} (a poison message). */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';
}

/** Parses and validates a message value; throws {@link PoisonMessageError} if it is not an event. */
export function parseEvent(value: string): DemoEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new PoisonMessageError(`not JSON: ${(error as Error).message}`, { cause: error });
  }
  const e = parsed as Partial<DemoEvent> | null;
  if (
    typeof e !== 'object' ||
    e === null ||
    typeof e.id !== 'string' ||
    (e.type !== 'order' && e.type !== 'click') ||
    typeof e.customerId !== 'string' ||
    typeof e.amount !== 'number' ||
    typeof e.eventTimeMillis !== 'number'
  ) {
    throw new PoisonMessageError(
      'not a valid event: id, type, customerId, amount, eventTimeMillis',
    );
  }
  return e as DemoEvent;
}
