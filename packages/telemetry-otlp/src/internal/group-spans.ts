import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

type Scope = ReadableSpan['instrumentationScope'];

/** The spans of one resource: one group per scope, each in the order the spans came. */
export type ResourceSpanGroups = [resource: ReadableSpan['resource'], scopes: ReadableSpan[][]];

/**
 * Spans by resource (by identity), then by `scopeKey` of their scope, each in order of first
 * appearance: the grouping of the SDK's serializers, whose protobuf one keys scopes by identity
 * and whose JSON one by name, version and schema URL. `scopeKey` is asked once per scope object
 * of a resource (a tracer's spans share theirs). A group's first span gives its scope.
 */
export function groupSpansByResourceAndScope(
  spans: ReadableSpan[],
  scopeKey: (scope: Scope) => unknown,
): ResourceSpanGroups[] {
  const byResource = new Map<
    ReadableSpan['resource'],
    { byScope: Map<Scope, ReadableSpan[]>; byKey: Map<unknown, ReadableSpan[]> }
  >();
  for (const span of spans) {
    let resource = byResource.get(span.resource);
    if (resource === undefined) {
      resource = { byScope: new Map(), byKey: new Map() };
      byResource.set(span.resource, resource);
    }
    const scope = span.instrumentationScope;
    let group = resource.byScope.get(scope);
    if (group === undefined) {
      const key = scopeKey(scope);
      group = resource.byKey.get(key);
      if (group === undefined) {
        group = [];
        resource.byKey.set(key, group);
      }
      resource.byScope.set(scope, group);
    }
    group.push(span);
  }
  const groups: ResourceSpanGroups[] = [];
  for (const [resource, { byKey }] of byResource) groups.push([resource, [...byKey.values()]]);
  return groups;
}
