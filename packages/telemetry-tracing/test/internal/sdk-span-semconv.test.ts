import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import * as semconv from '../../src/internal/sdk-span-semconv.js';

describe('sdk-span-semconv', () => {
  it.each(Object.entries(semconv))(
    'should match %s in @opentelemetry/semantic-conventions/incubating',
    (name, value) => {
      expect((incubating as Record<string, unknown>)[name]).toBe(value);
    },
  );
});
