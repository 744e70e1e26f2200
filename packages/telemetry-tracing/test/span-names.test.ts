import * as spanNames from '../src/span-names.js';

describe('span names', () => {
  it('should be unique processor.* names', () => {
    const names = Object.values(spanNames);
    expect(names.length).toBe(7);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^processor\.[a-z_.]+$/);
  });
});
