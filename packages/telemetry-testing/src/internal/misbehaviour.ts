// The misbehaviour switches (failNext/failFor/delayResponses/dropNextConnections), shared by the
// HTTP and gRPC servers: each request asks decide() what to do.
import type { FailureOptions } from '../types.js';
import { RPC_UNAVAILABLE } from './rpc-codes.js';

export type Decision =
  | { action: 'ok' }
  | { action: 'drop' }
  | { action: 'fail'; httpStatus: number; grpcCode: number; retryAfterSeconds?: number };

type Failure = Omit<Extract<Decision, { action: 'fail' }>, 'action'>;

function failureOptions(options: FailureOptions = {}): Failure {
  const failure: Failure = {
    httpStatus: options.httpStatus ?? 503,
    grpcCode: options.grpcCode ?? RPC_UNAVAILABLE,
  };
  if (options.retryAfterSeconds !== undefined)
    failure.retryAfterSeconds = options.retryAfterSeconds;
  return failure;
}

export class Misbehaviour {
  private failRemaining = 0;
  private failNextOptions = failureOptions();
  private failUntil = 0;
  private failForOptions = failureOptions();
  private delayMs = 0;
  private dropRemaining = 0;

  failNext(n: number, options?: FailureOptions): void {
    this.failRemaining = Math.max(0, Math.floor(n));
    this.failNextOptions = failureOptions(options);
  }

  failFor(ms: number, options?: FailureOptions): void {
    this.failUntil = Date.now() + Math.max(0, ms);
    this.failForOptions = failureOptions(options);
  }

  delayResponses(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  dropNextConnections(n: number): void {
    this.dropRemaining = Math.max(0, Math.floor(n));
  }

  decide(): Decision {
    if (this.dropRemaining > 0) {
      this.dropRemaining--;
      return { action: 'drop' };
    }
    if (this.failRemaining > 0) {
      this.failRemaining--;
      return { action: 'fail', ...this.failNextOptions };
    }
    if (Date.now() < this.failUntil) return { action: 'fail', ...this.failForOptions };
    return { action: 'ok' };
  }

  delay(): Promise<void> {
    const ms = this.delayMs;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}
