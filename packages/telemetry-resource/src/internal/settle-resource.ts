import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { settleWithin } from '@proc/telemetry-lifecycle';
import { logger } from './diag.js';

/**
 * Waits up to `timeoutMillis` for the resource's async attributes (host id, container id) and
 * returns a resource whose attributes are all settled. Attributes still pending at the deadline
 * are left out, with one warning naming them; a rejected attribute is left out silently, as the
 * SDK does.
 */
export async function settleResource(resource: Resource, timeoutMillis: number): Promise<Resource> {
  if (!resource.asyncAttributesPending) return resource;

  const raw = resource.getRawAttributes();
  const settled: Array<AttributeValue | undefined> = [];
  const pendingKeys = new Set<number>();
  const waits: Promise<void>[] = [];
  raw.forEach(([, value], index) => {
    if (!isPromiseLike(value)) {
      settled[index] = value;
      return;
    }
    pendingKeys.add(index);
    waits.push(
      Promise.resolve(value).then(
        (resolved) => {
          settled[index] = resolved;
          pendingKeys.delete(index);
        },
        () => {
          pendingKeys.delete(index);
        },
      ),
    );
  });

  // The deadline timer is unref'd: detection never keeps the process alive.
  await settleWithin(Promise.all(waits), timeoutMillis);
  if (pendingKeys.size > 0) {
    const keys = [...pendingKeys].map((index) => raw[index]?.[0]).join(', ');
    logger.warn(`resource attributes not detected within ${timeoutMillis}ms, left out: ${keys}`);
  }

  // The raw list is ordered highest precedence first (Resource.merge puts the incoming
  // resource's attributes in front), and an undefined value lets a lower one show through.
  const attributes: Attributes = {};
  raw.forEach(([key], index) => {
    const value = pendingKeys.has(index) ? undefined : settled[index];
    if (value != null && !(key in attributes)) attributes[key] = value;
  });
  return resourceFromAttributes(
    attributes,
    resource.schemaUrl ? { schemaUrl: resource.schemaUrl } : undefined,
  );
}

function isPromiseLike(value: unknown): value is PromiseLike<AttributeValue | undefined> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
