// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} references are the subject here
import fc from 'fast-check';
import { escapeText, substituteText } from '../../src/internal/substitute-env.js';

describe('substituteText', () => {
  it.each([
    ['${A}', { A: '1' }, '1'],
    ['x-${A}-${B}', { A: '1', B: '2' }, 'x-1-2'],
    ['${env:A}', { A: '1' }, '1'],
    ['${A:-fallback}', {}, 'fallback'],
    ['${A:-fallback}', { A: '' }, ''],
    ['$$', {}, '$'],
    ['$${A}', { A: '1' }, '${A}'],
    ['cost $5', {}, 'cost $5'],
    ['${1A}', {}, '${1A}'],
  ])('should turn %j into the expected text', (text, env, expected) => {
    const missing: string[] = [];
    expect(substituteText(text, env, missing)).toBe(expected);
    expect(missing).toEqual([]);
  });

  it('should collect every missing name', () => {
    const missing: string[] = [];
    substituteText('${A} ${B} ${C:-c}', {}, missing);
    expect(missing).toEqual(['A', 'B']);
  });
});

describe('escapeText', () => {
  it('should give any text back once substituted', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('$', '{', '}', 'A', ':', '-', 'x') }),
        (text) => {
          expect(substituteText(escapeText(text), {}, [])).toBe(text);
        },
      ),
    );
  });
});
