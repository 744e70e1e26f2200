import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import * as streamAttributes from '../src/stream-attributes.js';

const entries = Object.entries(streamAttributes);

describe('stream attributes', () => {
  it('should put every key under processor.*', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [name, key] of entries)
      expect([name, key]).toEqual([name, expect.stringMatching(/^processor\.[a-z_.]+$/)]);
  });

  it('should not redefine a key the semantic conventions have', () => {
    const conventionKeys = new Set<unknown>(Object.values(incubating));
    for (const [name, key] of entries)
      expect([name, conventionKeys.has(key)]).toEqual([name, false]);
  });
});
