import * as index from '../src/index.js';
import * as semconv from '../src/semconv.js';
import * as streamAttributes from '../src/stream-attributes.js';

const exported = Object.entries(index);

describe('@proc/telemetry-semconv', () => {
  it('should export every constant of semconv.ts and stream-attributes.ts', () => {
    expect(Object.keys(index).sort()).toEqual(
      [...Object.keys(semconv), ...Object.keys(streamAttributes)].sort(),
    );
  });

  it('should have one constant per key', () => {
    const keys = exported.filter(([name]) => /^(ATTR|METRIC)_/.test(name)).map(([, key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('should name each ATTR_ and METRIC_ constant after its key', () => {
    for (const [name, key] of exported) {
      const prefix = /^(ATTR|METRIC)_/.exec(name)?.[0];
      if (prefix === undefined) continue;
      expect(name).toBe(`${prefix}${String(key).toUpperCase().replaceAll('.', '_')}`);
    }
  });
});
