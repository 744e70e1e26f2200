import { prometheusNames } from './prometheus-names.js';

describe('prometheusNames', () => {
  it('should name counters with _total and drop unit annotations', () => {
    expect(
      prometheusNames({
        name: 'processor.events.processed',
        unit: '{event}',
        type: 'sum',
        isMonotonic: true,
      }),
    ).toEqual(['processor_events_processed_total']);
  });

  it('should append the unit to histograms and expose their three series', () => {
    expect(
      prometheusNames({ name: 'processor.processing.duration', unit: 's', type: 'histogram' }),
    ).toEqual([
      'processor_processing_duration_seconds_bucket',
      'processor_processing_duration_seconds_sum',
      'processor_processing_duration_seconds_count',
    ]);
  });

  it('should expose non-monotonic sums and gauges as plain gauges', () => {
    expect(
      prometheusNames({
        name: 'processor.windows.active',
        unit: '{window}',
        type: 'sum',
        isMonotonic: false,
      }),
    ).toEqual(['processor_windows_active']);
    expect(prometheusNames({ name: 'processor.watermark.lag', unit: 's', type: 'gauge' })).toEqual([
      'processor_watermark_lag_seconds',
    ]);
    expect(prometheusNames({ name: 'cpu.utilization', unit: '1', type: 'gauge' })).toEqual([
      'cpu_utilization_ratio',
    ]);
  });
});
