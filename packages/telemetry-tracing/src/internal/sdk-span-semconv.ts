/*
 * Incubating ("Development" stability) semantic-convention names of the SDK's span metrics,
 * copied from `@opentelemetry/semantic-conventions` (`/incubating`) rather than imported, as the
 * OpenTelemetry JS SDK does in its own `semconv.ts` (and `@proc/telemetry-otlp` in its
 * `semconv.ts`): a minor release of that package may rename them. The values are those the SDK's
 * tracer records, so a dashboard built on the SDK's own metrics reads these unchanged.
 * `test/internal/sdk-span-semconv.test.ts` checks every copy against the installed release.
 * https://opentelemetry.io/docs/specs/semconv/otel/sdk-metrics/#span-metrics
 */

/** `otel.sdk.span.started`: spans created, recording or not. */
export const METRIC_OTEL_SDK_SPAN_STARTED = 'otel.sdk.span.started' as const;
/** `otel.sdk.span.live`: recording spans whose `end()` has not been called yet. */
export const METRIC_OTEL_SDK_SPAN_LIVE = 'otel.sdk.span.live' as const;
/** `otel.span.sampling_result`: `DROP`, `RECORD_ONLY` or `RECORD_AND_SAMPLE`. */
export const ATTR_OTEL_SPAN_SAMPLING_RESULT = 'otel.span.sampling_result' as const;
/** `otel.span.parent.origin`: `none`, `local` or `remote`. */
export const ATTR_OTEL_SPAN_PARENT_ORIGIN = 'otel.span.parent.origin' as const;
