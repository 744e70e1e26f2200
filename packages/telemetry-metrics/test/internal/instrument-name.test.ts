import {
  assertValidInstrumentName,
  INSTRUMENT_NAME_PATTERN,
} from '../../src/internal/instrument-name.js';

describe('instrument name', () => {
  describe('assertValidInstrumentName', () => {
    it.each([
      'a',
      'processor.events.processed',
      'http.server.request_duration',
      'queue/depth-max',
      `a${'b'.repeat(254)}`,
    ])('should accept %j', (name) => {
      expect(() => assertValidInstrumentName(name)).not.toThrow();
    });

    it.each([
      ['', 'empty'],
      ['1events', 'starting with a digit'],
      ['_events', 'starting with an underscore'],
      ['events processed', 'with a space'],
      ['events:processed', 'with a colon'],
      ['événements', 'with a non-ASCII letter'],
      [`a${'b'.repeat(255)}`, 'longer than 255 characters'],
    ])('should reject %j (%s) with an error naming it and the rule', (name) => {
      expect(() => assertValidInstrumentName(name)).toThrow(
        `@proc/telemetry-metrics: invalid instrument name ${JSON.stringify(name)}: an instrument name starts with a letter`,
      );
      expect(() => assertValidInstrumentName(name)).toThrow(INSTRUMENT_NAME_PATTERN.source);
    });

    it('should reject a value that is not a string', () => {
      expect(() => assertValidInstrumentName(42)).toThrow('invalid instrument name 42');
    });
  });
});
