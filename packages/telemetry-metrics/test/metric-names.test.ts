import { METRIC_NAMES } from '../src/index.js';
import { INSTRUMENT_NAME_PATTERN } from '../src/internal/instrument-name.js';

describe('METRIC_NAMES', () => {
  it('should keep the original module names so dashboards carry over', () => {
    expect(METRIC_NAMES).toMatchObject({
      EVENTS_PROCESSED: 'processor.events.processed',
      EVENTS_DROPPED: 'processor.events.dropped',
      PROCESSING_DURATION: 'processor.processing.duration',
      WINDOW_TRIGGERS: 'processor.window.triggers',
      AGGREGATION_DURATION: 'processor.aggregation.duration',
      STATE_OPERATION_DURATION: 'processor.state.operation.duration',
      DEDUPLICATION_COUNT: 'processor.deduplication.count',
      WATERMARK_LAG: 'processor.watermark.lag',
    });
  });

  it('should name the messaging semantic-convention metrics as the conventions do', () => {
    expect(METRIC_NAMES.MESSAGING_PROCESS_DURATION).toBe('messaging.process.duration');
    expect(METRIC_NAMES.MESSAGING_CLIENT_CONSUMED_MESSAGES).toBe(
      'messaging.client.consumed.messages',
    );
  });

  it('should hold only valid and distinct instrument names', () => {
    const names = Object.values(METRIC_NAMES);
    for (const name of names) {
      expect(name).toMatch(INSTRUMENT_NAME_PATTERN);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it('should be frozen', () => {
    expect(Object.isFrozen(METRIC_NAMES)).toBe(true);
  });
});
