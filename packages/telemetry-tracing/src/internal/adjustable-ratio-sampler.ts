import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  type Sampler,
  type SamplingResult,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { assertRatio } from './validate-ratio.js';

/** A root sampler whose ratio can change while the provider runs. */
export interface AdjustableRatioSampler extends Sampler {
  /** Current ratio. */
  readonly ratio: number;
  /** Validates and applies a new ratio; later `shouldSample()` calls use it. */
  setRatio(ratio: number): void;
}

/**
 * Creates a sampler that delegates to `AlwaysOnSampler` (ratio 1, as `always_on`),
 * `AlwaysOffSampler` (ratio 0, as `always_off`) or the SDK's `TraceIdRatioBasedSampler`, and
 * swaps the delegate on `setRatio()`. Delegating keeps decisions identical to the SDK's
 * trace-id based one: a trace sampled at ratio r stays sampled at any r' > r.
 *
 * @param initial `'always_on'`, `'always_off'` or a ratio from 0 to 1.
 */
export function createAdjustableRatioSampler(
  initial: 'always_on' | 'always_off' | number,
): AdjustableRatioSampler {
  let ratio: number;
  let delegate: Sampler;
  if (initial === 'always_on') {
    ratio = 1;
    delegate = new AlwaysOnSampler();
  } else if (initial === 'always_off') {
    ratio = 0;
    delegate = new AlwaysOffSampler();
  } else {
    // The section's ratio was checked with the section (`validateTraceConfig()`).
    ratio = initial;
    delegate = new TraceIdRatioBasedSampler(initial);
  }
  return {
    get ratio() {
      return ratio;
    },
    setRatio(next: number) {
      assertRatio(next, 'setSamplingRatio(ratio): ratio');
      ratio = next;
      delegate = new TraceIdRatioBasedSampler(next);
    },
    shouldSample(
      ctx: Context,
      traceId: string,
      spanName: string,
      spanKind: SpanKind,
      attributes: Attributes,
      links: Link[],
    ): SamplingResult {
      return delegate.shouldSample(ctx, traceId, spanName, spanKind, attributes, links);
    },
    toString() {
      return `AdjustableRatioSampler{${delegate.toString()}}`;
    },
  };
}
