import { parseKeyValueList } from '../../src/internal/key-value-list.js';

describe('parseKeyValueList', () => {
  it.each([
    ['a=1,b=2', { a: '1', b: '2' }],
    [' a = 1 , b=2 ', { a: '1', b: '2' }],
    ['a=1,,b=2,', { a: '1', b: '2' }],
    ['a=x%3Dy%2Cz', { a: 'x=y,z' }],
    ['a%20b=c', { 'a b': 'c' }],
    ['a=b=c', { a: 'b=c' }],
    ['a=', { a: '' }],
    ['', {}],
  ])('should parse %j', (text, expected) => {
    expect(parseKeyValueList(text)).toEqual({ ok: true, values: expected });
  });

  it.each([
    ['a=1,b', 'entry 2 has no "="'],
    ['=1', 'invalid key ""'],
    ['a=%E0%A4%A', 'entry 1 is not valid percent-encoding'],
  ])('should reject %j', (text, reason) => {
    expect(parseKeyValueList(text)).toEqual({ ok: false, reason });
  });

  it('should apply the key and value checks', () => {
    const result = parseKeyValueList('a=1,b=2', (key) => key === 'a');
    expect(result).toEqual({ ok: false, reason: 'invalid key "b"' });
  });

  it('should not echo a value in the reason', () => {
    const result = parseKeyValueList('token=s3cret,x=%ZZs3cret');
    expect(JSON.stringify(result)).not.toContain('s3cret');
  });
});
