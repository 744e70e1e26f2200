import type { LogRecordLimits } from '@opentelemetry/sdk-logs';
import type { LogRecordLimitsConfig } from '@proc/telemetry-config';

/**
 * Both limits set explicitly (an absent value length limit is `Infinity`), as the config package
 * has already read `OTEL_LOGRECORD_*_LIMIT` and `OTEL_ATTRIBUTE_*_LIMIT`.
 */
export function toLogRecordLimits(limits: LogRecordLimitsConfig): LogRecordLimits {
  return {
    attributeCountLimit: limits.attributeCountLimit,
    attributeValueLengthLimit: limits.attributeValueLengthLimit ?? Infinity,
  };
}
