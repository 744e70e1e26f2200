import {
  DEFAULT_UI_PORT,
  type OtlpReceiver,
  type ReceiverUi,
  redrawInPlace,
  startReceiverUi,
} from '@proc/telemetry-testing';
import { renderLiveSummary } from './live-summary.js';

// What the no-collector mode shows while it runs: on a terminal one screen redrawn in place
// every second (the summary, the run's progress and the latest output lines, fitted to the
// width); elsewhere (a pipe, a log file, CI) the output lines as they come and a summary every
// --summary-interval, line by line.

/** A terminal's size, read at each frame (it changes when the window is resized). */
export interface DemoTerminal {
  columns(): number | undefined;
  rows(): number | undefined;
}

/** What the live view is drawn from and written to. */
export interface LiveViewOptions {
  receiver: OtlpReceiver;
  write: (text: string) => void;
  /** Set when stdout is a terminal: the screen is then redrawn in place. */
  terminal?: DemoTerminal;
  /** The web view's URL, shown in every frame. */
  uiUrl?: string;
  /** How long the run produces; 0 until Ctrl-C. */
  durationMillis: number;
  /** Milliseconds between two summaries when not on a terminal. */
  summaryIntervalMillis: number;
}

/** The live view of a run. */
export interface LiveView {
  /** An output line (the logger's): kept for the next frame on a terminal, written elsewhere. */
  write(text: string): void;
  /** Production is over (duration reached, or Ctrl-C): the rest is draining and shutdown. */
  finishing(reason: 'duration' | 'signal'): void;
  /** Stops refreshing and draws the last frame. */
  close(): void;
}

/** Output lines a terminal frame keeps. */
const RECENT_LINES = 8;
const BAR_WIDTH = 24;

const seconds = (millis: number) => `${Math.round(millis / 1000)}s`;

/** The progress line: a bar, elapsed and remaining time, or what the run is doing after it. */
export function renderProgress(
  elapsedMillis: number,
  durationMillis: number,
  finished?: 'duration' | 'signal',
): string {
  if (finished === 'signal') {
    return `stopping (signal) after ${seconds(elapsedMillis)}: draining the queue, firing the open windows, shutting telemetry down`;
  }
  if (finished === 'duration') {
    return `produced for ${seconds(durationMillis)}: draining the queue, firing the open windows, shutting telemetry down`;
  }
  if (durationMillis <= 0) return `running for ${seconds(elapsedMillis)} (until Ctrl-C)`;
  const done = Math.min(1, elapsedMillis / durationMillis);
  const filled = Math.round(done * BAR_WIDTH);
  return (
    `progress ${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${Math.floor(done * 100)}%  ` +
    `${seconds(elapsedMillis)} of ${seconds(durationMillis)}, ${seconds(Math.max(0, durationMillis - elapsedMillis))} left`
  );
}

/** Starts refreshing the live view; call `close()` at the end of the run. */
export function startLiveView(options: LiveViewOptions): LiveView {
  const { receiver, write, terminal } = options;
  const startedAt = Date.now();
  const recent: string[] = [];
  let finished: 'duration' | 'signal' | undefined;
  let cleared = false;
  const frame = (width: number | undefined) =>
    renderLiveSummary(receiver, {
      ...(width ? { width } : {}),
      ...(options.uiUrl ? { uiUrl: options.uiUrl } : {}),
      progress: renderProgress(Date.now() - startedAt, options.durationMillis, finished),
    });
  const draw = () => {
    if (!terminal) {
      write(frame(undefined));
      return;
    }
    const width = terminal.columns();
    const height = terminal.rows();
    const text = `${frame(width)}  latest output:\n${recent.map((l) => `    ${l}`).join('\n')}\n`;
    const size = { ...(width ? { width } : {}), ...(height && height >= 2 ? { height } : {}) };
    // The screen is cleared once; every later frame overwrites it from the top.
    write(`${cleared ? '' : '\x1b[2J'}${redrawInPlace(text, size)}`);
    cleared = true;
  };
  const timer = setInterval(draw, terminal ? 1000 : options.summaryIntervalMillis);
  if (terminal) draw();
  return {
    write(text) {
      if (!terminal) {
        write(text);
        return;
      }
      recent.push(...text.split('\n').filter(Boolean));
      recent.splice(0, Math.max(0, recent.length - RECENT_LINES));
    },
    finishing(reason) {
      finished ??= reason;
      if (terminal) draw();
    },
    close() {
      clearInterval(timer);
      draw();
    },
  };
}

/**
 * The web view of the in-process receiver: on `port` when given (`--ui-port`), else on
 * {@link DEFAULT_UI_PORT}, or on a free port when that one is taken.
 */
export async function startDemoUi(receiver: OtlpReceiver, port?: number): Promise<ReceiverUi> {
  if (port !== undefined) return startReceiverUi(receiver, { port });
  try {
    return await startReceiverUi(receiver, { port: DEFAULT_UI_PORT });
  } catch {
    return startReceiverUi(receiver, { port: 0 });
  }
}
