import * as semconv from '@proc/telemetry-semconv';
import { METRIC_ATTRIBUTES } from '../src/index.js';

describe('METRIC_ATTRIBUTES', () => {
  it('should use the processor.* keys spans and logs use', () => {
    expect(METRIC_ATTRIBUTES).toMatchObject({
      EVENT_TYPE: 'processor.event.type',
      WINDOW_TYPE: 'processor.window.type',
      AGGREGATION_TYPE: 'processor.aggregation.type',
      STATE_BACKEND: 'processor.state.backend',
      STATE_OPERATION_TYPE: 'processor.state.operation.type',
      ERROR_TYPE: 'error.type',
    });
  });

  it('should name the messaging attributes as the semantic conventions do', () => {
    expect(METRIC_ATTRIBUTES).toMatchObject({
      MESSAGING_SYSTEM: 'messaging.system',
      MESSAGING_OPERATION_NAME: 'messaging.operation.name',
      MESSAGING_OPERATION_TYPE: 'messaging.operation.type',
      MESSAGING_DESTINATION_NAME: 'messaging.destination.name',
      MESSAGING_CONSUMER_GROUP_NAME: 'messaging.consumer.group.name',
      MESSAGING_DESTINATION_PARTITION_ID: 'messaging.destination.partition.id',
    });
  });

  it('should have one member per key, each a key of @proc/telemetry-semconv or error.type', () => {
    const keys = Object.values(METRIC_ATTRIBUTES);
    expect(new Set(keys).size).toBe(keys.length);
    const shared = new Set<string>([...Object.values(semconv), 'error.type']);
    expect(keys.filter((key) => !shared.has(key))).toEqual([]);
  });

  it('should be frozen', () => {
    expect(Object.isFrozen(METRIC_ATTRIBUTES)).toBe(true);
  });
});
