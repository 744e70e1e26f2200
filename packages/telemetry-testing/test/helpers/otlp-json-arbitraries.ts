// fast-check arbitraries of OTLP/JSON export requests, in every form the OTLP/JSON rules (and
// the old protobufjs path) accept: int64 as strings or numbers, enums as numbers or names, ids
// in either case, fields missing or null, plus values just outside the rules (fractions, wrapping
// strings, unknown enum names, empty or odd ids, non-string scalars) that must convert alike.
import fc from 'fast-check';

type Json = Record<string, unknown>;

/** Drops the fields whose value is `undefined` (absent in the JSON). */
const compact = (object: Json): Json =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined, freq: 3 }) as fc.Arbitrary<T | undefined>;

const oddNumber = fc.constantFrom(
  1.5,
  -2.5,
  1e20,
  -1e20,
  2 ** 64,
  2 ** 63,
  -(2 ** 63),
  1.8e19,
  0.1,
);
// Long.fromString wraps, clamps and reads chunks with parseInt...
const oddUnsignedString = fc.constantFrom(
  '-5',
  '+7',
  '007',
  '18446744073709551616',
  '1e3',
  ' 4',
  'NaN',
  'abc',
  '99999999999999999999999',
);
// ... or throws.
const badInt64String = fc.constantFrom('', '1-2', '-');

/** The request arbitraries of each signal. */
export interface RequestArbitraries {
  traces: fc.Arbitrary<Json>;
  metrics: fc.Arbitrary<Json>;
  logs: fc.Arbitrary<Json>;
}

/**
 * Requests in every form the old path accepted; with `faults`, also values it rejected (int64
 * strings Long cannot read, ids that are not hex), several per request at times.
 */
export function requestArbitraries({ faults }: { faults: boolean }): RequestArbitraries {
  /** A fixed64/uint64 value. */
  const uint64Json: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 53n }).map(Number) },
    { weight: 2, arbitrary: fc.nat(1000).map(String) },
    // Around the 32-bit boundaries, where a Long's low word turns negative.
    {
      weight: 1,
      arbitrary: fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 32, '2147483648', '4294967295'),
    },
    { weight: 1, arbitrary: fc.oneof(oddNumber, oddUnsignedString) },
    { weight: faults ? 1 : 0, arbitrary: badInt64String },
  );

  /** An int64/sfixed64 value. */
  const int64Json: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 4, arbitrary: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String) },
    { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
    { weight: 2, arbitrary: fc.maxSafeInteger() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, '-4294967296'),
    },
    { weight: 1, arbitrary: fc.constantFrom('-0', '-9223372036854775808', '9223372036854775808') },
    { weight: 1, arbitrary: fc.oneof(oddNumber, oddUnsignedString) },
    { weight: faults ? 1 : 0, arbitrary: badInt64String },
  );

  const doubleJson: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 5, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1.25', -0) },
  );

  const hexOf = (bytes: Uint8Array, upper: boolean) => {
    const hex = Buffer.from(bytes).toString('hex');
    return upper ? hex.toUpperCase() : hex;
  };

  /** A trace id or span id of `bytes` bytes, mostly valid. */
  const idJson = (bytes: number): fc.Arbitrary<unknown> =>
    fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.uint8Array({ minLength: bytes, maxLength: bytes }), fc.boolean())
          .map(([b, u]) => hexOf(b, u)),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', '0'.repeat(bytes * 2), 'ab', 7, null, [1, 2], {}),
      },
      // Not hex: the request fails with the receiver's "is not a hex string".
      {
        weight: faults ? 1 : 0,
        arbitrary: fc.constantFrom('xyz', 'abc', `${'0'.repeat(bytes * 2 - 1)}g`),
      },
    );

  /** An enum as its number or its name; now and then an unknown name or number. */
  const enumJson = (names: readonly string[]): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 3, arbitrary: fc.nat(names.length - 1) },
      { weight: 3, arbitrary: fc.constantFrom(...names) },
      { weight: 1, arbitrary: fc.constantFrom('NOT_A_NAME', 99, '2', -1) },
    );

  /** A string field, sometimes a number or boolean that `String()` turns into one. */
  const stringJson: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 8, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)) },
  );

  const keyJson = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('event.id', 'partition', 'offset', 'ok', 'k') },
    { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 3) },
  );

  const { anyValue } = fc.letrec<{ anyValue: Json; keyValues: Json[] }>((tie) => ({
    anyValue: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ stringValue: fc.string({ maxLength: 10 }) }),
      fc.record({ boolValue: fc.oneof(fc.boolean(), fc.constant(1)) }),
      fc.record({ intValue: int64Json }),
      fc.record({ doubleValue: doubleJson }),
      fc.record({
        bytesValue: fc.uint8Array({ maxLength: 6 }).map((b) => Buffer.from(b).toString('base64')),
      }),
      fc.record({ arrayValue: fc.record({ values: fc.array(tie('anyValue'), { maxLength: 3 }) }) }),
      fc.record({ kvlistValue: fc.record({ values: tie('keyValues') }) }),
      fc.constant({}),
      // Two members of the oneof: the later field wins.
      fc.record({ stringValue: fc.string({ maxLength: 4 }), intValue: int64Json }),
    ) as fc.Arbitrary<Json>,
    keyValues: fc.array(fc.record({ key: keyJson, value: maybe(tie('anyValue')) }).map(compact), {
      maxLength: 4,
    }) as fc.Arbitrary<Json[]>,
  }));

  /** A `KeyValue` list; a few times absent, empty or `null`. */
  const attributesJson: fc.Arbitrary<unknown> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.array(fc.record({ key: keyJson, value: maybe(anyValue) }).map(compact), {
        maxLength: 5,
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(undefined, [], null) },
  );

  const resourceJson = maybe(
    fc
      .record({ attributes: attributesJson, droppedAttributesCount: maybe(fc.nat(3)) })
      .map(compact),
  );
  const scopeJson = maybe(
    fc
      .record({
        name: maybe(stringJson),
        version: maybe(stringJson),
        attributes: maybe(attributesJson),
      })
      .map(compact),
  );

  const SPAN_KINDS = [
    'SPAN_KIND_UNSPECIFIED',
    'SPAN_KIND_INTERNAL',
    'SPAN_KIND_SERVER',
    'SPAN_KIND_CLIENT',
    'SPAN_KIND_PRODUCER',
    'SPAN_KIND_CONSUMER',
  ];
  const STATUS_CODES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'];

  const spanJson = fc
    .record({
      traceId: idJson(16),
      spanId: idJson(8),
      parentSpanId: maybe(fc.oneof(idJson(8), fc.constant(''))),
      traceState: maybe(fc.constantFrom('', 'a=b', 'x=1,y=2')),
      flags: maybe(fc.oneof(fc.nat(511), fc.constant(-1))),
      name: maybe(stringJson),
      kind: maybe(enumJson(SPAN_KINDS)),
      startTimeUnixNano: maybe(uint64Json),
      endTimeUnixNano: maybe(uint64Json),
      attributes: maybe(attributesJson),
      droppedAttributesCount: maybe(fc.nat(3)),
      events: maybe(
        fc.array(
          fc
            .record({
              name: maybe(stringJson),
              timeUnixNano: maybe(uint64Json),
              attributes: maybe(attributesJson),
            })
            .map(compact),
          { maxLength: 2 },
        ),
      ),
      links: maybe(
        fc.array(
          fc
            .record({
              traceId: idJson(16),
              spanId: idJson(8),
              traceState: maybe(fc.constantFrom('', 'a=b')),
              attributes: maybe(attributesJson),
              flags: maybe(fc.nat(511)),
            })
            .map(compact),
          { maxLength: 2 },
        ),
      ),
      status: maybe(
        fc.oneof(
          fc
            .record({ code: maybe(enumJson(STATUS_CODES)), message: maybe(stringJson) })
            .map(compact),
          fc.constant(null),
        ),
      ),
    })
    .map(compact);

  /** An `ExportTraceServiceRequest` in OTLP/JSON. */
  const traceRequestJson: fc.Arbitrary<Json> = fc
    .record({
      resourceSpans: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(undefined, []) },
        {
          weight: 8,
          arbitrary: fc.array(
            fc
              .record({
                resource: resourceJson,
                schemaUrl: maybe(fc.string({ maxLength: 4 })),
                scopeSpans: maybe(
                  fc.array(
                    fc
                      .record({
                        scope: scopeJson,
                        spans: maybe(fc.array(spanJson, { maxLength: 4 })),
                      })
                      .map(compact),
                    { maxLength: 2 },
                  ),
                ),
              })
              .map(compact),
            { minLength: 1, maxLength: 2 },
          ),
        },
      ),
    })
    .map(compact);

  const TEMPORALITIES = [
    'AGGREGATION_TEMPORALITY_UNSPECIFIED',
    'AGGREGATION_TEMPORALITY_DELTA',
    'AGGREGATION_TEMPORALITY_CUMULATIVE',
  ];

  const exemplarJson = fc
    .record({
      filteredAttributes: maybe(attributesJson),
      timeUnixNano: maybe(uint64Json),
      asDouble: maybe(doubleJson),
      asInt: maybe(int64Json),
      spanId: maybe(idJson(8)),
      traceId: maybe(idJson(16)),
    })
    .map(compact);

  const pointBase = {
    attributes: maybe(attributesJson),
    startTimeUnixNano: maybe(uint64Json),
    timeUnixNano: maybe(uint64Json),
    exemplars: maybe(fc.array(exemplarJson, { maxLength: 2 })),
    flags: maybe(fc.nat(1)),
  };

  const numberPointJson = fc
    .record({ ...pointBase, asDouble: maybe(doubleJson), asInt: maybe(int64Json) })
    .map(compact);
  const histogramPointJson = fc
    .record({
      ...pointBase,
      count: maybe(uint64Json),
      sum: maybe(doubleJson),
      min: maybe(doubleJson),
      max: maybe(doubleJson),
      bucketCounts: maybe(fc.array(uint64Json, { maxLength: 4 })),
      explicitBounds: maybe(fc.array(doubleJson, { maxLength: 3 })),
    })
    .map(compact);
  const bucketsJson = maybe(
    fc
      .record({
        offset: maybe(fc.integer({ min: -5, max: 5 })),
        bucketCounts: maybe(fc.array(uint64Json, { maxLength: 3 })),
      })
      .map(compact),
  );
  const exponentialPointJson = fc
    .record({
      ...pointBase,
      count: maybe(uint64Json),
      sum: maybe(doubleJson),
      min: maybe(doubleJson),
      max: maybe(doubleJson),
      scale: maybe(fc.integer({ min: -10, max: 20 })),
      zeroCount: maybe(uint64Json),
      positive: bucketsJson,
      negative: bucketsJson,
      zeroThreshold: maybe(doubleJson),
    })
    .map(compact);
  const summaryPointJson = fc
    .record({
      attributes: maybe(attributesJson),
      startTimeUnixNano: maybe(uint64Json),
      timeUnixNano: maybe(uint64Json),
      count: maybe(uint64Json),
      sum: maybe(doubleJson),
      min: maybe(doubleJson),
      quantileValues: maybe(
        fc.array(
          fc.record({ quantile: maybe(doubleJson), value: maybe(doubleJson) }).map(compact),
          { maxLength: 3 },
        ),
      ),
    })
    .map(compact);

  const temporalityJson = maybe(enumJson(TEMPORALITIES));
  const dataJson = fc.oneof(
    fc.record({
      gauge: fc
        .record({ dataPoints: maybe(fc.array(numberPointJson, { maxLength: 3 })) })
        .map(compact),
    }),
    fc.record({
      sum: fc
        .record({
          dataPoints: maybe(fc.array(numberPointJson, { maxLength: 3 })),
          aggregationTemporality: temporalityJson,
          isMonotonic: maybe(fc.oneof(fc.boolean(), fc.constant(0))),
        })
        .map(compact),
    }),
    fc.record({
      histogram: fc
        .record({
          dataPoints: maybe(fc.array(histogramPointJson, { maxLength: 3 })),
          aggregationTemporality: temporalityJson,
        })
        .map(compact),
    }),
    fc.record({
      exponentialHistogram: fc
        .record({
          dataPoints: maybe(fc.array(exponentialPointJson, { maxLength: 2 })),
          aggregationTemporality: temporalityJson,
        })
        .map(compact),
    }),
    fc.record({
      summary: fc
        .record({ dataPoints: maybe(fc.array(summaryPointJson, { maxLength: 2 })) })
        .map(compact),
    }),
    fc.constant({}),
    // Two data messages: the later field wins.
    fc.record({
      gauge: fc.record({ dataPoints: fc.array(numberPointJson, { maxLength: 1 }) }),
      sum: fc.record({ dataPoints: fc.array(numberPointJson, { maxLength: 1 }) }),
    }),
  );

  const metricJson = fc
    .tuple(
      fc
        .record({
          name: maybe(stringJson),
          description: maybe(stringJson),
          unit: maybe(stringJson),
          metadata: maybe(attributesJson),
        })
        .map(compact),
      dataJson,
    )
    .map(([metric, data]) => ({ ...metric, ...data }));

  /** An `ExportMetricsServiceRequest` in OTLP/JSON. */
  const metricsRequestJson: fc.Arbitrary<Json> = fc
    .record({
      resourceMetrics: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(undefined, []) },
        {
          weight: 8,
          arbitrary: fc.array(
            fc
              .record({
                resource: resourceJson,
                scopeMetrics: maybe(
                  fc.array(
                    fc
                      .record({
                        scope: scopeJson,
                        metrics: maybe(fc.array(metricJson, { maxLength: 3 })),
                      })
                      .map(compact),
                    { maxLength: 2 },
                  ),
                ),
              })
              .map(compact),
            { minLength: 1, maxLength: 2 },
          ),
        },
      ),
    })
    .map(compact);

  const SEVERITIES = [
    'SEVERITY_NUMBER_UNSPECIFIED',
    'SEVERITY_NUMBER_TRACE',
    'SEVERITY_NUMBER_DEBUG',
    'SEVERITY_NUMBER_INFO',
    'SEVERITY_NUMBER_WARN',
    'SEVERITY_NUMBER_ERROR',
    'SEVERITY_NUMBER_FATAL4',
  ];

  const logRecordJson = fc
    .record({
      timeUnixNano: maybe(uint64Json),
      observedTimeUnixNano: maybe(uint64Json),
      severityNumber: maybe(fc.oneof(enumJson(SEVERITIES), fc.integer({ min: 0, max: 24 }))),
      severityText: maybe(stringJson),
      body: maybe(fc.oneof(anyValue, fc.constant(null))),
      attributes: maybe(attributesJson),
      flags: maybe(fc.nat(511)),
      traceId: maybe(idJson(16)),
      spanId: maybe(idJson(8)),
      eventName: maybe(stringJson),
    })
    .map(compact);

  /** An `ExportLogsServiceRequest` in OTLP/JSON. */
  const logsRequestJson: fc.Arbitrary<Json> = fc
    .record({
      resourceLogs: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(undefined, []) },
        {
          weight: 8,
          arbitrary: fc.array(
            fc
              .record({
                resource: resourceJson,
                scopeLogs: maybe(
                  fc.array(
                    fc
                      .record({
                        scope: scopeJson,
                        logRecords: maybe(fc.array(logRecordJson, { maxLength: 3 })),
                      })
                      .map(compact),
                    { maxLength: 2 },
                  ),
                ),
              })
              .map(compact),
            { minLength: 1, maxLength: 2 },
          ),
        },
      ),
    })
    .map(compact);

  return { traces: traceRequestJson, metrics: metricsRequestJson, logs: logsRequestJson };
}

/** Every path to a value inside `node` (object keys and array indexes), `[]` for `node` itself. */
export function pathsOf(node: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) paths.push(...pathsOf(node[i], [...prefix, i]));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node))
      paths.push(...pathsOf(value, [...prefix, key]));
  }
  return paths;
}

/** A deep copy of `root` with the value at `path` replaced by `value`. */
export function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}
