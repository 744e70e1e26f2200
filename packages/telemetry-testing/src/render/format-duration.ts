/**
 * Formats a duration given in nanoseconds for a terminal: `850µs` below a millisecond, `1.50ms`
 * or `12.3ms` below a second, `4.56s` above. A negative duration prints as `0µs`.
 */
export function formatDuration(nanos: bigint): string {
  const n = Number(nanos < 0n ? 0n : nanos);
  if (n < 1_000_000) return `${Math.round(n / 1000)}µs`;
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(n < 10_000_000 ? 2 : 1)}ms`;
  return `${(n / 1_000_000_000).toFixed(2)}s`;
}
