// Column helpers shared by the renderers, and the integer check of their options and the
// receiver's (not exported from the package).

/** Pads `text` to `width`, or cuts it to `width` with a trailing `…`. */
export function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** Throws unless `value` (the option `name`) is `undefined` or an integer of at least `min`. */
export function checkInteger(name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) {
    throw new RangeError(
      `@proc/telemetry-testing: ${name} must be an integer of at least ${min}; got ${value}.`,
    );
  }
}

/** `line` cut to `width` characters, with a trailing `…` when cut (no padding). */
export function clip(line: string, width: number): string {
  return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line;
}
