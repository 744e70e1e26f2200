import { redrawInPlace } from '../../src/index.js';

describe('redrawInPlace', () => {
  it('should move home, clear the rest of each line and of the screen', () => {
    expect(redrawInPlace('one\ntwo\n')).toBe('\x1b[Hone\x1b[K\ntwo\x1b[K\n\x1b[J');
  });

  it('should cut every line to width with an ellipsis', () => {
    expect(redrawInPlace('abcdefgh\nabc', { width: 4 })).toBe(
      '\x1b[Habc…\x1b[K\nabc\x1b[K\n\x1b[J',
    );
  });

  it('should leave out the lines past height, counting them, so that the screen does not scroll', () => {
    expect(redrawInPlace('1\n2\n3\n4\n5\n', { height: 4 })).toBe(
      '\x1b[H1\x1b[K\n2\x1b[K\n… 3 more line(s): a taller window shows them\x1b[K\n\x1b[J',
    );
    expect(redrawInPlace('1\n2\n3\n', { height: 4 })).toBe(
      '\x1b[H1\x1b[K\n2\x1b[K\n3\x1b[K\n\x1b[J',
    );
  });

  it('should refuse a width that is not a positive integer, naming it', () => {
    expect(() => redrawInPlace('x', { width: 0 })).toThrow(
      '@proc/telemetry-testing: width must be an integer of at least 1; got 0.',
    );
  });
});
