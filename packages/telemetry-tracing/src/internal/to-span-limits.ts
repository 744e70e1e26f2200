import type { SpanLimits } from '@opentelemetry/sdk-trace-base';
import type { SpanLimitsConfig } from '@proc/telemetry-config';

/**
 * Every limit set explicitly (an absent value length limit is `Infinity`), so the provider's own
 * `OTEL_SPAN_*_LIMIT` fallbacks never apply: the config package has already read them.
 */
export function toSpanLimits(limits: SpanLimitsConfig): SpanLimits {
  return {
    attributeCountLimit: limits.attributeCountLimit,
    attributeValueLengthLimit: limits.attributeValueLengthLimit ?? Infinity,
    eventCountLimit: limits.eventCountLimit,
    linkCountLimit: limits.linkCountLimit,
    attributePerEventCountLimit: limits.attributePerEventCountLimit,
    attributePerLinkCountLimit: limits.attributePerLinkCountLimit,
  };
}
