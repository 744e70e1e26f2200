import { buildTrees } from '../tree.js';
import type { ReceivedSpan, SpanTreeNode, TraceWaterfallOptions } from '../types.js';
import { formatDuration } from './format-duration.js';
import { checkInteger, fit } from './text.js';

const STATUS_ERROR = 2;

function subtreeSize(node: SpanTreeNode): number {
  let size = 1;
  for (const child of node.children) size += subtreeSize(child);
  return size;
}

/**
 * Renders the spans of one trace as a text waterfall: a `trace <id>  <root>  <duration>  (N spans)`
 * line, then one line per span, indented under its parent and ordered by start time, with a bar
 * placed and sized by the span's start and duration within the trace and a `✗` on spans with an
 * error status.
 *
 * @param spans - The spans of one trace, in any order (for example
 *   `receiver.spans({ traceId })`); spans whose parent is missing are drawn as roots.
 * @returns The lines, without line breaks; empty when `spans` is.
 * @throws RangeError when a width or limit is not a positive integer.
 */
export function renderTraceWaterfall(
  spans: readonly ReceivedSpan[],
  options: TraceWaterfallOptions = {},
): string[] {
  checkInteger('barWidth', options.barWidth, 1);
  checkInteger('nameWidth', options.nameWidth, 1);
  checkInteger('maxSpans', options.maxSpans, 1);
  checkInteger('maxSameName', options.maxSameName, 1);
  const barWidth = options.barWidth ?? 40;
  const nameWidth = options.nameWidth ?? 36;
  const maxSpans = options.maxSpans ?? 30;
  const maxSameName = options.maxSameName ?? Number.POSITIVE_INFINITY;
  const showLinkCount = options.showLinkCount ?? false;
  if (spans.length === 0) return [];
  // bigint nanoseconds: Math.min/max do not apply.
  let start = spans[0]!.startTimeUnixNano;
  let end = spans[0]!.endTimeUnixNano;
  for (const s of spans) {
    if (s.startTimeUnixNano < start) start = s.startTimeUnixNano;
    if (s.endTimeUnixNano > end) end = s.endTimeUnixNano;
  }
  const total = Number(end > start ? end - start : 1n);
  const roots = buildTrees(spans);
  const rootName = roots[0]?.span.name ?? '';
  const lines = [
    `trace ${spans[0]!.traceId}  ${rootName}  ${formatDuration(end - start)}  (${spans.length} span${spans.length === 1 ? '' : 's'})`,
  ];
  let shown = 0;
  // Spans accounted for by a `… N more <name>` line (with their descendants).
  let collapsed = 0;

  const draw = (s: ReceivedSpan, depth: number) => {
    const offset = Math.min(
      barWidth - 1,
      Math.floor((Number(s.startTimeUnixNano - start) / total) * barWidth),
    );
    const length = Math.max(
      1,
      Math.min(
        barWidth - offset,
        Math.round((Number(s.endTimeUnixNano - s.startTimeUnixNano) / total) * barWidth),
      ),
    );
    const bar = ' '.repeat(offset) + '█'.repeat(length) + ' '.repeat(barWidth - offset - length);
    const marker = s.status.code === STATUS_ERROR ? ' ✗' : '';
    const links =
      showLinkCount && s.links.length > 0
        ? `  ${s.links.length} link${s.links.length === 1 ? '' : 's'}`
        : '';
    const label = fit(`${'  '.repeat(depth)}${s.name}`, nameWidth);
    lines.push(
      `  ${label} │${bar}│ ${formatDuration(s.endTimeUnixNano - s.startTimeUnixNano).padStart(8)}${marker}${links}`,
    );
  };

  const visit = (node: SpanTreeNode, depth: number) => {
    if (shown >= maxSpans) return;
    shown++;
    draw(node.span, depth);
    // Runs of same-named siblings: the first maxSameName (and any that failed) are drawn, the
    // others summed up after the run so that the spans after it stay on screen.
    let run = 0;
    let hidden = 0;
    let hiddenSize = 0;
    node.children.forEach((child, i) => {
      const previous = node.children[i - 1];
      const next = node.children[i + 1];
      run = previous?.span.name === child.span.name ? run + 1 : 0;
      if (run < maxSameName || child.span.status.code === STATUS_ERROR) {
        visit(child, depth + 1);
      } else {
        hidden++;
        hiddenSize += subtreeSize(child);
      }
      if (next?.span.name !== child.span.name && hidden > 0) {
        // Past maxSpans the hidden spans are left to the last line's count.
        if (shown < maxSpans) {
          lines.push(`  ${'  '.repeat(depth + 1)}… ${hidden} more ${child.span.name}`);
          collapsed += hiddenSize;
        }
        hidden = 0;
        hiddenSize = 0;
      }
    });
  };
  for (const root of roots) visit(root, 0);
  const more = spans.length - shown - collapsed;
  if (more > 0) lines.push(`  … ${more} more span(s)`);
  return lines;
}
