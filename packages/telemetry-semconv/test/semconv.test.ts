import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import * as semconv from '../src/semconv.js';

describe('semconv', () => {
  describe('copied constants', () => {
    it.each(Object.entries(semconv))(
      'should match %s in @opentelemetry/semantic-conventions/incubating',
      (name, value) => {
        expect((incubating as Record<string, unknown>)[name]).toBe(value);
      },
    );
  });
});
