import { type Context, context as contextApi, propagation } from '@opentelemetry/api';
import { isValidBaggageKey, isValidBaggageMetadata } from './internal/baggage-codec.js';
import { baggageEntry, baggageItems } from './internal/baggage-propagator.js';
import type { BaggageItem } from './types.js';

function toItems(entries: readonly BaggageItem[] | Record<string, string>): BaggageItem[] {
  if (Array.isArray(entries)) return [...entries];
  return Object.entries(entries).map(([key, value]) => ({ key, value }));
}

function validate(item: BaggageItem): void {
  if (!isValidBaggageKey(item.key)) {
    throw new TypeError(
      `@proc/telemetry-context: invalid baggage key ${JSON.stringify(item.key)}: a key is a token of letters, digits and !#$%&'*+-.^_\`|~`,
    );
  }
  if (typeof item.value !== 'string') {
    throw new TypeError(`@proc/telemetry-context: baggage value of ${item.key} must be a string`);
  }
  if (item.metadata !== undefined && !isValidBaggageMetadata(item.metadata)) {
    throw new TypeError(
      `@proc/telemetry-context: invalid baggage metadata for ${item.key}: printable ASCII without ',' expected`,
    );
  }
}

/**
 * Returns a context whose baggage has `entries` added (an existing key is replaced). Entries are
 * either {@link BaggageItem}s or a `{ key: value }` map. Throws a `TypeError` naming the entry when
 * a key is not a token or metadata is not printable ASCII without `,`.
 */
export function setBaggage(
  ctx: Context,
  entries: readonly BaggageItem[] | Record<string, string>,
): Context {
  let baggage = propagation.getBaggage(ctx) ?? propagation.createBaggage();
  for (const item of toItems(entries)) {
    validate(item);
    baggage = baggage.setEntry(item.key, baggageEntry(item));
  }
  return propagation.setBaggage(ctx, baggage);
}

/** The baggage of `ctx` (default: the active context), in insertion order; `[]` when none. */
export function getBaggage(ctx: Context = contextApi.active()): BaggageItem[] {
  const baggage = propagation.getBaggage(ctx);
  return baggage ? baggageItems(baggage.getAllEntries()) : [];
}

/** Returns a context whose baggage no longer has `keys`; without baggage left, none at all. */
export function removeBaggage(ctx: Context, keys: readonly string[]): Context {
  const baggage = propagation.getBaggage(ctx);
  if (!baggage) return ctx;
  const remaining = baggage.removeEntries(...keys);
  return remaining.getAllEntries().length === 0
    ? propagation.deleteBaggage(ctx)
    : propagation.setBaggage(ctx, remaining);
}
