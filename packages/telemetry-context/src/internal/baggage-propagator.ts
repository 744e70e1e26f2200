import {
  type BaggageEntry,
  baggageEntryMetadataFromString,
  type Context,
  propagation,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import type { BaggageItem } from '../types.js';
import { decodeBaggageHeader, encodeBaggageHeader } from './baggage-codec.js';

const BAGGAGE = 'baggage';

/** Baggage entries in order, as {@link BaggageItem}s. */
export function baggageItems(entries: [string, BaggageEntry][]): BaggageItem[] {
  return entries.map(([key, entry]) => {
    const metadata = entry.metadata?.toString();
    return metadata ? { key, value: entry.value, metadata } : { key, value: entry.value };
  });
}

/** One {@link BaggageItem} as the API's baggage entry (the inverse of {@link baggageItems}). */
export function baggageEntry(item: BaggageItem): BaggageEntry {
  return item.metadata === undefined
    ? { value: item.value }
    : { value: item.value, metadata: baggageEntryMetadataFromString(item.metadata) };
}

/**
 * W3C Baggage, where `W3CBaggagePropagator` from `@opentelemetry/core` falls short of the
 * specification:
 * - empty values (`key=`) are valid and kept, where core drops them;
 * - a value with a lone surrogate drops only that member, where core's `encodeURIComponent`
 *   throws and the whole header is lost;
 * - keys must be tokens and properties printable ASCII without `,`, so a member never corrupts the
 *   list, where core writes keys such as `a(b` and raw metadata;
 * - undecodable or non-baggage-octet values are skipped on extraction.
 * Limits are the same (180 members, 4096 bytes per member, 8192 per header), dropping whole members.
 */
export function createBaggagePropagator(): TextMapPropagator {
  return {
    inject(context: Context, carrier: unknown, setter: TextMapSetter) {
      const baggage = propagation.getBaggage(context);
      if (!baggage || isTracingSuppressed(context)) return;
      const header = encodeBaggageHeader(baggageItems(baggage.getAllEntries()));
      if (header !== undefined) setter.set(carrier, BAGGAGE, header);
    },
    extract(context: Context, carrier: unknown, getter: TextMapGetter) {
      const value = getter.get(carrier, BAGGAGE);
      // Most messages carry no baggage: nothing to join, split or decode then.
      if (value === undefined) return context;
      const headers = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
      const items = decodeBaggageHeader(headers.filter((item) => typeof item === 'string'));
      if (items.length === 0) return context;
      // Entries are set one by one: a record would move integer-like keys first.
      let baggage = propagation.createBaggage();
      for (const item of items) baggage = baggage.setEntry(item.key, baggageEntry(item));
      return propagation.setBaggage(context, baggage);
    },
    fields() {
      return [BAGGAGE];
    },
  };
}
