import type { ExportConfig } from '@proc/telemetry-config';
import type { DeliveryQueueOptions, EncodedRequest, OtlpSignal } from './types.js';

/**
 * The byte bound of a signal's queue of encoded requests, from its `ExportConfig`
 * (`maxQueueBytes`): what `createDeliveryQueue()` needs to measure and bound the requests, and
 * the setting its first-drop warning names.
 */
export function encodedQueueBound(
  signal: OtlpSignal,
  config: Pick<ExportConfig, 'maxQueueBytes'>,
): Pick<DeliveryQueueOptions<EncodedRequest>, 'maxQueuedBytes' | 'sizeOf' | 'queueBytesOption'> {
  return {
    maxQueuedBytes: config.maxQueueBytes,
    sizeOf: (request) => request.body.byteLength,
    queueBytesOption: `${signal}.export.maxQueueBytes (PROC_TELEMETRY_${signal.toUpperCase()}_MAX_QUEUE_BYTES)`,
  };
}
