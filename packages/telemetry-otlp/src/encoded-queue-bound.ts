import type { ExportConfig } from '@proc/telemetry-config';
import { compressRequest } from './internal/request-content-encoding.js';
import type { DeliveryQueueOptions, EncodedRequest, OtlpSignal } from './types.js';

/**
 * The byte bound of a signal's queue of encoded requests, from its `ExportConfig`: what
 * `createDeliveryQueue()` needs to measure and bound the requests (`maxQueueBytes`, and the
 * smaller `maxQueueBytesWhileFailing` while exports fail), the settings its first-drop warning
 * names, and the compression of what waits: a request that cannot start at once is held gzipped
 * (level 1) and counted at its compressed size, so the budget holds several times the items
 * (`createOtlpSender()` sends it as the wire needs); while exports succeed, only once more than
 * `maxQueueBytesWhileFailing` waits.
 */
export function encodedQueueBound(
  signal: OtlpSignal,
  config: Pick<ExportConfig, 'maxQueueBytes' | 'maxQueueBytesWhileFailing'>,
): Pick<
  DeliveryQueueOptions<EncodedRequest>,
  | 'maxQueuedBytes'
  | 'maxQueuedBytesWhileFailing'
  | 'sizeOf'
  | 'compressWaiting'
  | 'compressWaitingAboveBytes'
  | 'queueBytesOption'
  | 'queueBytesWhileFailingOption'
> {
  const variable = `PROC_TELEMETRY_${signal.toUpperCase()}_MAX_QUEUE_BYTES`;
  return {
    maxQueuedBytes: config.maxQueueBytes,
    maxQueuedBytesWhileFailing: config.maxQueueBytesWhileFailing,
    sizeOf: (request) => request.body.byteLength,
    compressWaiting: compressRequest,
    // A backlog within the outage budget is not compressed while exports succeed: at full rate
    // a batch or two always waits behind the one in flight, and gzipping each cost the demo
    // ~6 µs of app-thread CPU per event with the collector up.
    compressWaitingAboveBytes: config.maxQueueBytesWhileFailing,
    queueBytesOption: `${signal}.export.maxQueueBytes (${variable})`,
    queueBytesWhileFailingOption: `${signal}.export.maxQueueBytesWhileFailing (${variable}_WHILE_FAILING)`,
  };
}
