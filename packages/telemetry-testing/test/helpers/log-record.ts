import type { ReceivedLogRecord } from '../../src/index.js';

/** A received log record with `overrides`; time 2023-11-14T22:13:20.250Z. */
export function logRecord(overrides: Partial<ReceivedLogRecord> = {}): ReceivedLogRecord {
  return {
    timeUnixNano: 1_700_000_000_250_000_000n,
    observedTimeUnixNano: 1_700_000_000_250_000_000n,
    severityNumber: 9,
    severityText: 'INFO',
    body: 'started',
    attributes: {},
    flags: 0,
    resource: {},
    scope: { name: 'orders', attributes: {} },
    protocol: 'http/protobuf',
    ...overrides,
  };
}
