import { checkInteger, clip } from './text.js';

/**
 * A frame of text that replaces the previous one on a terminal instead of scrolling: the cursor
 * goes home, each line clears what is left of the old one, the rest of the screen is cleared,
 * and with `width` (a terminal's `process.stdout.columns`) every line is cut to it so that none
 * wraps. For a TTY only: a log file or a pipe wants the frame's lines as they are.
 *
 * @example
 * setInterval(() => process.stdout.write(redrawInPlace(frame(), { width: process.stdout.columns })), 1000);
 * @throws RangeError when `width` is not a positive integer.
 */
export function redrawInPlace(frame: string, options: { width?: number } = {}): string {
  checkInteger('width', options.width, 1);
  const width = options.width;
  const body = frame.endsWith('\n') ? frame.slice(0, -1) : frame;
  const lines = body.split('\n').map((line) => (width ? clip(line, width) : line));
  return `\x1b[H${lines.join('\x1b[K\n')}\x1b[K\n\x1b[J`;
}
