import { attributesKey, attributesNotIn } from '../../../src/internal/exemplars/attributes-key.js';

describe('attributesKey', () => {
  it('should be equal for equal attribute sets in any key order', () => {
    expect(attributesKey({ a: '1', b: 2 })).toBe(attributesKey({ b: 2, a: '1' }));
  });

  it('should differ for different values or types', () => {
    expect(attributesKey({ a: '1' })).not.toBe(attributesKey({ a: 1 }));
    expect(attributesKey({ a: ['x', 'y'] })).not.toBe(attributesKey({ a: ['y', 'x'] }));
  });
});

describe('attributesNotIn', () => {
  it('should return the recorded attributes the point does not have', () => {
    expect(attributesNotIn({ a: '1', b: '2' }, { a: '1' })).toEqual({ b: '2' });
    expect(attributesNotIn({ a: '1' }, { a: '1' })).toEqual({});
  });
});
