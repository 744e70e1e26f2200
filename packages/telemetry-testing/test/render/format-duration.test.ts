import { formatDuration } from '../../src/index.js';

describe('formatDuration', () => {
  it('should pick µs, ms or s by magnitude', () => {
    expect(formatDuration(850_000n)).toBe('850µs');
    expect(formatDuration(1_500_000n)).toBe('1.50ms');
    expect(formatDuration(12_345_678n)).toBe('12.3ms');
    expect(formatDuration(4_560_000_000n)).toBe('4.56s');
  });

  it('should print a negative duration (clock skew) as 0µs', () => {
    expect(formatDuration(-5n)).toBe('0µs');
  });
});
