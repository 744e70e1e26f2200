import {
  BATCH_SIZE_BUCKET_BOUNDARIES,
  DURATION_BUCKET_BOUNDARIES_SECONDS,
  METRIC_DEFINITIONS,
  METRIC_NAMES,
} from '../src/index.js';

const definitions = Object.values(METRIC_DEFINITIONS);

describe('METRIC_DEFINITIONS', () => {
  it('should define every name of METRIC_NAMES, keyed by that name', () => {
    expect(Object.keys(METRIC_DEFINITIONS).sort()).toEqual(Object.values(METRIC_NAMES).sort());
    for (const [key, definition] of Object.entries(METRIC_DEFINITIONS)) {
      expect(definition.name).toBe(key);
    }
  });

  it('should give every instrument a description and a UCUM unit', () => {
    for (const definition of definitions) {
      expect(definition.description).toMatch(/^[A-Z].+\.$/);
      // UCUM: `s`, `By`... or an annotation in braces for counts.
      expect(definition.unit).toMatch(/^(s|By|\{[a-z]+\})$/);
    }
  });

  it.each([
    [METRIC_NAMES.EVENTS_PROCESSED, 'counter', '{event}'],
    [METRIC_NAMES.EVENTS_DROPPED, 'counter', '{event}'],
    [METRIC_NAMES.EVENTS_RECEIVED, 'counter', '{event}'],
    [METRIC_NAMES.EVENTS_LATE, 'counter', '{event}'],
    [METRIC_NAMES.WINDOWS_ACTIVE, 'upDownCounter', '{window}'],
    [METRIC_NAMES.WATERMARK_LAG, 'gauge', 's'],
    [METRIC_NAMES.BATCH_SIZE, 'histogram', '{event}'],
    [METRIC_NAMES.END_TO_END_LATENCY, 'histogram', 's'],
    [METRIC_NAMES.MESSAGING_PROCESS_DURATION, 'histogram', 's'],
    [METRIC_NAMES.MESSAGING_CLIENT_CONSUMED_MESSAGES, 'counter', '{message}'],
  ])('should define %s as a %s in %s', (name, kind, unit) => {
    expect(METRIC_DEFINITIONS[name]).toMatchObject({ kind, unit });
  });

  it('should give every histogram in seconds the duration buckets', () => {
    const durations = definitions.filter((d) => d.kind === 'histogram' && d.unit === 's');
    expect(durations.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        METRIC_NAMES.PROCESSING_DURATION,
        METRIC_NAMES.AGGREGATION_DURATION,
        METRIC_NAMES.STATE_OPERATION_DURATION,
        METRIC_NAMES.END_TO_END_LATENCY,
      ]),
    );
    for (const definition of durations) {
      expect(definition.bucketBoundaries).toBe(DURATION_BUCKET_BOUNDARIES_SECONDS);
    }
    expect(METRIC_DEFINITIONS[METRIC_NAMES.BATCH_SIZE]?.bucketBoundaries).toBe(
      BATCH_SIZE_BUCKET_BOUNDARIES,
    );
  });

  it('should use strictly increasing bucket boundaries from 0.5 ms to 10 s for durations', () => {
    const bounds = DURATION_BUCKET_BOUNDARIES_SECONDS;
    expect(bounds[0]).toBe(0.0005);
    expect(bounds[bounds.length - 1]).toBe(10);
    expect(bounds.every((b, i) => i === 0 || b > (bounds[i - 1] as number))).toBe(true);
  });

  it('should be frozen, definitions and boundaries included', () => {
    expect(Object.isFrozen(METRIC_DEFINITIONS)).toBe(true);
    expect(definitions.every((d) => Object.isFrozen(d))).toBe(true);
    expect(Object.isFrozen(DURATION_BUCKET_BOUNDARIES_SECONDS)).toBe(true);
  });
});
