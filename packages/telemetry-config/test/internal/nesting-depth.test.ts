import fc from 'fast-check';
import { stringify } from 'yaml';
import { nestingDepth } from '../../src/internal/nesting-depth.js';

/** Nesting of arrays and objects in a JSON value. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Object.values(value as Record<string, unknown>);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('nestingDepth', () => {
  it.each([
    ['', 0],
    ['a: 1', 1],
    ['a:\n  b:\n    c: 1\n', 3],
    ['- a: 1\n  b: [1, {c: 2}]\n', 4],
    ['a: "[[[[{{{{"\nb: \'[[[\'\n# [[[[[[\n', 1],
    ['a: |\n  [[[[\n  {{{{\nb: 2\n', 1],
    ['- - - x\n', 3],
    ['{"a": {"b": [1, 2]}}', 3],
    ['a: 1\n---\nb: 2\n', 1],
  ])('should measure %j as %d deep', (text, depth) => {
    expect(nestingDepth(text, 100)).toBe(depth);
  });

  it('should stop once past the limit', () => {
    expect(nestingDepth('['.repeat(100_000), 32)).toBe(33);
  });

  it('should measure JSON exactly, and YAML written by the yaml package at least as deep', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const json = JSON.stringify(value);
        expect(nestingDepth(json, 100)).toBe(depthOf(value));
        expect(nestingDepth(stringify(value), 100)).toBeGreaterThanOrEqual(depthOf(value));
      }),
      { numRuns: 300 },
    );
  });
});
