/** What the SDK's console exporters printed, captured by {@link captureConsoleDir}. */
export interface ConsoleDirCapture {
  /**
   * Each object passed to `console.dir`, in order: the console span and log record exporters
   * print one per span or record, the console metric exporter one per metric.
   */
  readonly printed: Record<string, unknown>[];
  /** Puts the real `console.dir` back. */
  restore(): void;
}

/**
 * Captures what `console.dir` is given instead of printing it, so a test can assert what the
 * SDK's console exporters wrote (they print every item with `console.dir`). Call `restore()`
 * when done (in `afterEach`).
 */
export function captureConsoleDir(): ConsoleDirCapture {
  const original = console.dir;
  const printed: Record<string, unknown>[] = [];
  console.dir = (item: unknown) => {
    printed.push(item as Record<string, unknown>);
  };
  return {
    printed,
    restore() {
      console.dir = original;
    },
  };
}
