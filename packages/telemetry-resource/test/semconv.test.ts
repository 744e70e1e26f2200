import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import * as local from '../src/semconv.js';

describe('semconv', () => {
  describe('local copies', () => {
    it.each(Object.entries(local))(
      'should keep %s equal to the installed incubating name',
      (name, value) => {
        expect((incubating as Record<string, unknown>)[name]).toBe(value);
      },
    );
  });
});
