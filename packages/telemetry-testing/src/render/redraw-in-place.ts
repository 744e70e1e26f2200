import { checkInteger, clip } from './text.js';

/**
 * A frame of text that replaces the previous one on a terminal instead of scrolling: the cursor
 * goes home, each line clears what is left of the old one, the rest of the screen is cleared,
 * with `width` (a terminal's `process.stdout.columns`) every line is cut to it so that none
 * wraps, and with `height` (`process.stdout.rows`) the lines past it are left out (counted in a
 * last line) so that the screen never scrolls. For a TTY only: a log file or a pipe wants the
 * frame's lines as they are.
 *
 * @example
 * setInterval(() => process.stdout.write(redrawInPlace(frame(), { width: process.stdout.columns })), 1000);
 * @throws RangeError when `width` is not a positive integer or `height` is below 2.
 */
export function redrawInPlace(
  frame: string,
  options: { width?: number; height?: number } = {},
): string {
  checkInteger('width', options.width, 1);
  checkInteger('height', options.height, 2);
  const { width, height } = options;
  const body = frame.endsWith('\n') ? frame.slice(0, -1) : frame;
  let lines = body.split('\n');
  // One row stays free: writing the last row would scroll the screen by one.
  if (height !== undefined && lines.length > height - 1) {
    const hidden = lines.length - (height - 2);
    lines = [...lines.slice(0, height - 2), `… ${hidden} more line(s): a taller window shows them`];
  }
  if (width) lines = lines.map((line) => clip(line, width));
  return `\x1b[H${lines.join('\x1b[K\n')}\x1b[K\n\x1b[J`;
}
