// Properties of the recorder's attribute handling on a real SDK provider with exemplars on,
// recording inside a sampled span (the path with the most work): no attribute object makes a
// record* call throw, invalid attributes are dropped, and valid ones arrive as they were given.
import { context, diag, metrics } from '@opentelemetry/api';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import fc from 'fast-check';
import { createMetricsRecorder, type MetricsRecorder } from '../src/index.js';
import { createTestExemplarProvider } from './helpers/test-exemplar-provider.js';
import { enableTestContext, SAMPLED, withSpanContext } from './helpers/test-span-context.js';

const KINDS = ['recordCounter', 'recordUpDown', 'recordHistogram', 'recordGauge'] as const;

const ANYTHING = {
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
} as const;

function circularValue(): unknown {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
}

// What fc.anything() does not generate on its own: symbols, functions and cycles.
const hostile = fc.oneof(
  fc.string().map((description) => Symbol(description)),
  fc.constant(() => 1),
  fc.constant(null).map(circularValue),
  fc.bigInt(),
);
const anyValue = fc.oneof(fc.anything(ANYTHING), hostile);
const anyAttributes = fc.oneof(
  fc.anything(ANYTHING),
  fc.dictionary(fc.string(), anyValue),
  fc.dictionary(fc.string(), fc.array(anyValue, { maxLength: 4 })),
);

// The spec's attribute values: primitives and homogeneous arrays of them, with null entries.
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, Number.NaN, Infinity));
const entry = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary }, fc.constantFrom(null, undefined));
const validValue = fc.oneof(
  fc.string(),
  number,
  fc.boolean(),
  fc.array(entry(fc.string()), { maxLength: 4 }),
  fc.array(entry(number), { maxLength: 4 }),
  fc.array(entry(fc.boolean()), { maxLength: 4 }),
);
const validAttributes = fc.dictionary(fc.string({ minLength: 1 }), validValue);

/** The test's own statement of the rule, to compare the recorder with. */
function isValidValue(value: unknown): boolean {
  const primitive = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
  if (primitive(value)) return true;
  if (!Array.isArray(value)) return false;
  const types = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (item === null || item === undefined) continue;
    if (!primitive(item)) return false;
    types.add(typeof item);
  }
  return types.size <= 1;
}

function expectedEntries(attributes: unknown): [string, unknown][] {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    return [];
  }
  const record = attributes as Record<string, unknown>;
  return Object.keys(record)
    .filter((key) => key !== '' && isValidValue(record[key]))
    .map((key) => [key, record[key]]);
}

function pointEntries(collected: ResourceMetrics, name: string): [string, unknown][][] {
  const metric = collected.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .find((m) => m.descriptor.name === name);
  if (metric === undefined) throw new Error(`metric ${name} not collected`);
  return metric.dataPoints.map((point) => Object.entries(point.attributes));
}

async function recordEach(
  attributes: unknown,
  commonAttributes: Record<string, string>,
): Promise<{ collected: ResourceMetrics; thrown: unknown[] }> {
  const setup = createTestExemplarProvider({ filter: 'always_on' });
  try {
    const recorder: MetricsRecorder = createMetricsRecorder({
      meter: setup.meter,
      commonAttributes,
    });
    const thrown: unknown[] = [];
    withSpanContext(SAMPLED, () => {
      for (const kind of KINDS) {
        try {
          recorder[kind](kind, 1, attributes as never);
        } catch (error) {
          thrown.push(error);
        }
      }
    });
    const collected = await setup.collect();
    // The exemplars of the same recordings are serializable keys and values too.
    setup.store.take();
    return { collected, thrown };
  } finally {
    await setup.provider.shutdown();
  }
}

describe('MetricsRecorder attributes (properties)', () => {
  beforeEach(() => {
    enableTestContext();
  });

  afterEach(() => {
    context.disable();
    metrics.disable();
    diag.disable();
  });

  describe('record*', () => {
    it('should never throw for any attributes and keep exactly their valid entries', async () => {
      await fc.assert(
        fc.asyncProperty(anyAttributes, fc.boolean(), async (attributes, withCommon) => {
          const common: Record<string, string> = withCommon ? { 'pipeline.name': 'ingest' } : {};
          // Read before recording: what the recorder keeps must be what the caller gave.
          const expected = Object.entries({
            ...common,
            ...Object.fromEntries(expectedEntries(attributes)),
          });
          const { collected, thrown } = await recordEach(attributes, common);
          expect(thrown).toEqual([]);
          for (const kind of KINDS) {
            expect(pointEntries(collected, kind)).toEqual([expected]);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('should pass valid attributes on unchanged', async () => {
      await fc.assert(
        fc.asyncProperty(validAttributes, async (attributes) => {
          const before = Object.entries(structuredClone(attributes));
          const { collected, thrown } = await recordEach(attributes, {});
          expect(thrown).toEqual([]);
          for (const kind of KINDS) {
            expect(pointEntries(collected, kind)).toEqual([before]);
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});
