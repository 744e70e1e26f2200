import { randomUUID } from 'node:crypto';

// Kept on globalThis under a registered symbol so that the CommonJS and ESM builds of this
// package, or two copies of it in one process, still agree on one id for the process.
const KEY = Symbol.for('@proc/telemetry:service.instance.id');

type Holder = { [KEY]?: string };

/**
 * The `service.instance.id` used when none is configured: a random UUID generated on first use
 * and then returned for the lifetime of the process.
 */
export function processInstanceId(): string {
  const holder = globalThis as Holder;
  holder[KEY] ??= randomUUID();
  return holder[KEY];
}
