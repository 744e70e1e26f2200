import { type MeterProvider, TraceFlags, trace } from '@opentelemetry/api';
import {
  type ReadableSpan,
  type Sampler,
  SamplingDecision,
  type SamplingResult,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  ATTR_OTEL_SPAN_PARENT_ORIGIN,
  ATTR_OTEL_SPAN_SAMPLING_RESULT,
  METRIC_OTEL_SDK_SPAN_LIVE,
  METRIC_OTEL_SDK_SPAN_STARTED,
} from './sdk-span-semconv.js';

/** The meter scope the SDK's tracer records these metrics under, so they read the same. */
const SDK_TRACE_SCOPE = '@opentelemetry/sdk-trace';

/** `SamplingDecision` (0 DROP, 1 RECORD_ONLY, 2 RECORD_AND_SAMPLE) as the conventions spell it. */
const SAMPLING_RESULTS = ['DROP', 'RECORD_ONLY', 'RECORD_AND_SAMPLE'] as const;
const PARENT_ORIGINS = ['none', 'local', 'remote'] as const;

/** The span counters' two halves: the sampler sees every span, the processor every end. */
export interface SpanSelfMetrics {
  /** `sampler`, counting each decision by sampling result and parent origin. */
  countingSampler(sampler: Sampler): Sampler;
  /** Counts the ends of recording spans, for `otel.sdk.span.live`. */
  readonly processor: SpanProcessor;
}

/**
 * `otel.sdk.span.started` (by `otel.span.sampling_result` and `otel.span.parent.origin`) and
 * `otel.sdk.span.live` (by `otel.span.sampling_result`), with the names, attributes and units the
 * SDK's tracer records when given a meter provider, from plain integer counters reported by
 * observable instruments at collection. The SDK's own recording adds to two synchronous
 * instruments per span, hashing an attributes object each time (about 7 µs per unsampled span of
 * the demo's 10 % run, docs/benchmarks.md suite 6); these cost an array increment. The
 * exported points are the same kind (a monotonic sum and a non-monotonic sum).
 *
 * Every span the SDK starts asks the sampler first (suppressed tracing excepted, which the SDK
 * does not count either), so the wrapper sees the decision and the parent the SDK records.
 * Only recording spans reach a span processor, so the processor counts the ends.
 */
export function createSpanSelfMetrics(meterProvider: MeterProvider): SpanSelfMetrics {
  // started[origin * 3 + decision]; ended[decision] for the two recording decisions.
  const started = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const ended = [0, 0, 0];
  const startedAttributes = PARENT_ORIGINS.flatMap((origin) =>
    SAMPLING_RESULTS.map((result) =>
      Object.freeze({
        [ATTR_OTEL_SPAN_SAMPLING_RESULT]: result,
        [ATTR_OTEL_SPAN_PARENT_ORIGIN]: origin,
      }),
    ),
  );
  const liveAttributes = SAMPLING_RESULTS.map((result) =>
    Object.freeze({ [ATTR_OTEL_SPAN_SAMPLING_RESULT]: result }),
  );

  const meter = meterProvider.getMeter(SDK_TRACE_SCOPE);
  meter
    .createObservableCounter(METRIC_OTEL_SDK_SPAN_STARTED, {
      unit: '{span}',
      description: 'The number of created spans.',
    })
    .addCallback((result) => {
      for (let i = 0; i < started.length; i++) {
        const count = started[i] as number;
        if (count > 0) result.observe(count, startedAttributes[i]);
      }
    });
  meter
    .createObservableUpDownCounter(METRIC_OTEL_SDK_SPAN_LIVE, {
      unit: '{span}',
      description: 'The number of currently live spans.',
    })
    .addCallback((result) => {
      for (const decision of [SamplingDecision.RECORD, SamplingDecision.RECORD_AND_SAMPLED]) {
        let begun = 0;
        for (let origin = 0; origin < PARENT_ORIGINS.length; origin++) {
          begun += started[origin * 3 + decision] as number;
        }
        // As the SDK's up-down counter: a result seen once stays reported, at 0 when all ended.
        if (begun > 0)
          result.observe(begun - (ended[decision] as number), liveAttributes[decision]);
      }
    });

  return {
    countingSampler(sampler) {
      return {
        // Named parameters, not a rest array and a spread: this runs for every span started.
        shouldSample(ctx, traceId, spanName, spanKind, attributes, links): SamplingResult {
          const result = sampler.shouldSample(ctx, traceId, spanName, spanKind, attributes, links);
          // The parent as the SDK's tracer sees it: the span in the context it starts from.
          const parent = trace.getSpanContext(ctx);
          const origin = parent === undefined ? 0 : parent.isRemote ? 2 : 1;
          (started[origin * 3 + result.decision] as number)++;
          return result;
        },
        toString: () => sampler.toString(),
      };
    },
    processor: {
      onStart() {},
      onEnd(span: ReadableSpan) {
        const sampled = (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
        (ended[
          sampled ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.RECORD
        ] as number)++;
      },
      forceFlush: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
    },
  };
}
