import { yamlModule } from './yaml-module.js';

/**
 * How deeply collections nest in YAML (or JSON) `text`, as far as telling whether it exceeds
 * `limit` (it returns as soon as it does). Read from the `yaml` package's lexer tokens, without
 * parsing: composing a document recurses, and on a 20,000-deep input that can abort the
 * process instead of throwing; the lexer is a flat loop and stops here after `limit` levels.
 *
 * Flow collections count by their brackets; block collections by the indentation columns of
 * their `-`, `?` and `key:` indicators (a deeper column opens a level, a shallower one closes
 * levels), which is what makes them nest.
 */
export function nestingDepth(text: string, limit: number): number {
  const blocks: number[] = [];
  let flow = 0;
  let column = 0;
  let valueColumn = 0;
  let deepest = 0;
  const open = (at: number) => {
    while ((blocks.at(-1) ?? -1) > at) blocks.pop();
    if ((blocks.at(-1) ?? -1) < at) blocks.push(at);
  };
  const { CST, Lexer } = yamlModule();
  // The lexer's zero-width control tokens (document start, flow end, scalar marker, BOM).
  const control = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR, CST.BOM]);
  for (const token of new Lexer().lex(text)) {
    if (control.has(token)) continue;
    const type = CST.tokenType(token);
    if (type === 'doc-start') {
      blocks.length = 0;
      flow = 0;
    } else if (type === 'flow-map-start' || type === 'flow-seq-start') {
      flow += 1;
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      flow = Math.max(0, flow - 1);
    } else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind')) {
      open(column);
    } else if (flow === 0 && type === 'map-value-ind') {
      open(valueColumn);
    } else if (type !== 'space' && type !== 'newline' && type !== 'comment') {
      valueColumn = column;
    }
    deepest = Math.max(deepest, blocks.length + flow);
    if (deepest > limit) return deepest;
    const newline = token.lastIndexOf('\n');
    column = newline < 0 ? column + token.length : token.length - newline - 1;
  }
  return deepest;
}
