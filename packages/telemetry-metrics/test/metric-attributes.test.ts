import { METRIC_ATTRIBUTES } from '../src/index.js';

describe('METRIC_ATTRIBUTES', () => {
  it('should keep the original module attribute keys', () => {
    expect(METRIC_ATTRIBUTES).toMatchObject({
      EVENT_TYPE: 'event.type',
      WINDOW_TYPE: 'window.type',
      AGGREGATION_TYPE: 'aggregation.type',
      STATE_BACKEND: 'state.backend',
      OPERATION_TYPE: 'operation.type',
      ERROR_TYPE: 'error.type',
      PARTITION_ID: 'partition.id',
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

  it('should be frozen', () => {
    expect(Object.isFrozen(METRIC_ATTRIBUTES)).toBe(true);
  });
});
