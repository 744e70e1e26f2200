import { AggregationType, InstrumentType } from '@opentelemetry/sdk-metrics';
import { toSdkViews } from '../../src/internal/views.js';

describe('views', () => {
  describe('toSdkViews', () => {
    it('should convert every option to the SDK view options', () => {
      const [view] = toSdkViews(
        [
          {
            instrumentName: 'processor.processing.duration',
            instrumentKind: 'histogram',
            meterName: 'orders',
            name: 'orders.processing.duration',
            description: 'Order processing time.',
            bucketBoundaries: [0.1, 1],
            attributeKeys: ['processor.event.type'],
            cardinalityLimit: 50,
          },
        ],
        2000,
      );
      expect(view).toMatchObject({
        instrumentName: 'processor.processing.duration',
        instrumentType: InstrumentType.HISTOGRAM,
        meterName: 'orders',
        name: 'orders.processing.duration',
        description: 'Order processing time.',
        aggregation: {
          type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
          options: { boundaries: [0.1, 1] },
        },
        aggregationCardinalityLimit: 50,
      });
      expect(
        view?.attributesProcessors?.[0]?.process({
          'processor.event.type': 'a',
          'messaging.destination.partition.id': '1',
        }),
      ).toEqual({
        'processor.event.type': 'a',
      });
    });

    it('should give a view without a cardinality limit the provider-wide one', () => {
      expect(toSdkViews([{ instrumentName: '*' }], 123)[0]?.aggregationCardinalityLimit).toBe(123);
    });

    it('should drop the selected instruments when drop is set', () => {
      expect(toSdkViews([{ instrumentName: 'debug.*', drop: true }], 2000)[0]?.aggregation).toEqual(
        {
          type: AggregationType.DROP,
        },
      );
    });

    it.each([
      [{ instrumentName: '' }, TypeError, 'views[0]: instrumentName is required'],
      [
        { instrumentName: 'a', bucketBoundaries: [1, 1] },
        TypeError,
        'views[0]: bucketBoundaries must be finite and strictly increasing, got [1, 1]',
      ],
      [
        { instrumentName: 'a', bucketBoundaries: [1, Number.NaN] },
        TypeError,
        'strictly increasing',
      ],
      [
        { instrumentName: 'a', cardinalityLimit: 0 },
        RangeError,
        'views[0].cardinalityLimit must be a positive integer, got 0',
      ],
      [
        { instrumentName: 'a', cardinalityLimit: 1.5 },
        RangeError,
        'views[0].cardinalityLimit must be a positive integer',
      ],
      [
        { instrumentName: 'a.*', name: 'b' },
        TypeError,
        'name can only be set when instrumentName selects one instrument',
      ],
      [
        { instrumentName: 'a', instrumentKind: 'timer' },
        TypeError,
        'instrumentKind "timer" is not one of counter, upDownCounter',
      ],
    ])('should reject %j with a %p naming the view and the rule', (view, errorClass, message) => {
      const reject = () => toSdkViews([view as never], 2000);
      expect(reject).toThrow(errorClass);
      expect(reject).toThrow(/^@proc\/telemetry-metrics: views\[0\]/);
      expect(reject).toThrow(message);
    });
  });
});
