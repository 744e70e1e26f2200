// Internal until the retry policy becomes configuration (the operability issue): only tests set
// it, through `createDeliveryQueueWithRetry()`; `createDeliveryQueue()` uses the defaults.

/** How `createDeliveryQueue()` sends a payload again after a retryable failure. */
export interface DeliveryRetryPolicy {
  /** Attempts per payload, the first included; then it is given up and counted as failed. Default 5. */
  maxAttempts?: number;
  /**
   * Wait after the first failure; it doubles with each further failure (±20% jitter) and is reset
   * by a delivery, so a long outage is probed ever more rarely. Default 1000.
   */
  initialBackoffMillis?: number;
  /** Longest wait between two attempts. Default 30000. */
  maxBackoffMillis?: number;
}
