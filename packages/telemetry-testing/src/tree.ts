import type { ReceivedSpan, SpanTreeNode } from './types.js';

/** Builds the span trees of a set of spans (roots: spans whose parent is absent). */
export function buildTrees(spans: readonly ReceivedSpan[]): SpanTreeNode[] {
  const nodes = new Map<string, SpanTreeNode>();
  for (const span of spans) nodes.set(span.spanId, { span, children: [] });
  const roots: SpanTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.span.parentSpanId ? nodes.get(node.span.parentSpanId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: SpanTreeNode[]) => {
    list.sort((a, b) => Number(a.span.startTimeUnixNano - b.span.startTimeUnixNano));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
