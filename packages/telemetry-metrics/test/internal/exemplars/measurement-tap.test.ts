import { createAllowListAttributesProcessor } from '@opentelemetry/sdk-metrics';
import { createMeasurementTap } from '../../../src/internal/exemplars/measurement-tap.js';

describe('createMeasurementTap', () => {
  describe('tapViews', () => {
    it("should add one processor after a view's own, which passes the attributes on unchanged", () => {
      const tap = createMeasurementTap();
      const allow = createAllowListAttributesProcessor(['a']);
      const [view] = tap.tapViews([{ instrumentName: 'c', attributesProcessors: [allow] }]);
      expect(view?.attributesProcessors?.[0]).toBe(allow);
      const attributes = { a: '1' };
      expect(view?.attributesProcessors?.[1]?.process(attributes)).toBe(attributes);
    });
  });

  describe('streamsOf', () => {
    it('should report the streams one measurement went into, and only its own when nested', () => {
      const tap = createMeasurementTap();
      const [renamed, plain] = tap.tapViews([
        { instrumentName: 'c', name: 'c.renamed' },
        { instrumentName: 'c' },
      ]);
      const process = (view: typeof renamed, attributes: Record<string, string>) =>
        view?.attributesProcessors?.at(-1)?.process(attributes);
      let inner: unknown;
      const outer = tap.streamsOf(
        () => {
          process(renamed, { a: '1' });
          inner = tap.streamsOf(() => process(plain, { b: '2' }), 1, undefined, undefined);
          process(plain, { a: '1' });
        },
        1,
        undefined,
        undefined,
      );
      expect(outer).toEqual([
        { name: 'c.renamed', attributes: { a: '1' }, dropped: false },
        { name: undefined, attributes: { a: '1' }, dropped: false },
      ]);
      expect(inner).toEqual([{ name: undefined, attributes: { b: '2' }, dropped: false }]);
      // Outside a measurement the processors report to nobody.
      expect(process(plain, { c: '3' })).toEqual({ c: '3' });
    });
  });
});
