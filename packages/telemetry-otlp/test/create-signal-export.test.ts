import { ExportResultCode } from '@opentelemetry/core';
import { defaultTelemetryConfig, type OtlpProtocol } from '@proc/telemetry-config';
import {
  createSignalExport,
  type ItemExporter,
  type OtlpEncoding,
  type SignalExporterChoice,
  type SignalExportOptions,
  signalExporters,
} from '../src/index.js';

/** An exporter that keeps what it is given. */
function keepingExporter() {
  const batches: string[][] = [];
  const exporter: ItemExporter<string> = {
    export(items, done) {
      batches.push(items);
      done({ code: ExportResultCode.SUCCESS });
    },
    shutdown: () => Promise.resolve(),
  };
  return { exporter, batches };
}

function options(
  overrides: { exporter?: SignalExporterChoice<string>; protocol?: OtlpProtocol } = {},
  extra: Partial<SignalExportOptions<string>> = {},
) {
  const traces = defaultTelemetryConfig().traces;
  const encodings: OtlpEncoding[] = [];
  const consoleExporter = keepingExporter();
  const result: SignalExportOptions<string> = {
    signal: 'traces',
    section: {
      ...traces,
      exporter: ['otlp'],
      export: { ...traces.export, protocol: overrides.protocol ?? traces.export.protocol },
    },
    queueSizeOption: 'traces.batch.maxQueueSize',
    encode: (items, encoding) => {
      encodings.push(encoding);
      return {
        payload: { body: new Uint8Array(), items: items.length },
        items: items.length,
        invalid: 0,
      };
    },
    consoleExporter: () => consoleExporter.exporter,
    exporter: overrides.exporter ?? 'otlp',
    readSelfMetrics: () => undefined,
    ...extra,
  };
  return { options: result, encodings, consoleBatches: consoleExporter.batches };
}

describe('createSignalExport', () => {
  describe('signalExporters()', () => {
    const section = (exporter: string[], enabled = true) => ({ enabled, exporter });

    it('should build nothing when the section is off, its list is empty or names none', () => {
      expect(signalExporters(section(['otlp'], false))).toEqual([]);
      expect(signalExporters(section([]))).toEqual([]);
      expect(signalExporters(section(['otlp', 'none']))).toEqual([]);
    });

    it('should put OTLP first and build each listed name once', () => {
      expect(signalExporters(section(['console', 'otlp', 'console']))).toEqual(['otlp', 'console']);
    });

    it('should replace the listed exporters with one given in code, unless the section is off', () => {
      const given = keepingExporter().exporter;
      expect(signalExporters(section(['otlp', 'console']), given)).toEqual([given]);
      expect(signalExporters(section(['otlp'], false), given)).toEqual([]);
    });
  });

  describe('createSignalExport()', () => {
    it('should hand batches as items to the console exporter', async () => {
      const { options: opts, consoleBatches } = options({ exporter: 'console' });
      const parts = createSignalExport(opts);
      const batch = parts.encode(['a', 'b']);
      expect(batch).toEqual({ payload: ['a', 'b'], items: 2, invalid: 0 });
      parts.queue.enqueue(batch.payload, batch.items);
      await parts.queue.flush();
      expect(consoleBatches).toEqual([['a', 'b']]);
      expect(parts.queue.stats()).toMatchObject({ accepted: 2, delivered: 2 });
      await parts.closeExporter();
    });

    it('should hand batches as items to an exporter given in code', async () => {
      const given = keepingExporter();
      const { options: opts, encodings } = options({ exporter: given.exporter });
      const parts = createSignalExport(opts);
      parts.queue.enqueue(parts.encode(['c']).payload, 1);
      await parts.queue.flush();
      expect(given.batches).toEqual([['c']]);
      expect(encodings).toEqual([]);
    });

    it.each([
      ['grpc', 'protobuf'],
      ['http/protobuf', 'protobuf'],
      ['http/json', 'json'],
    ] as const)('should encode for OTLP over %s as %s', async (protocol, encoding) => {
      const { options: opts, encodings } = options({ protocol });
      const parts = createSignalExport(opts);
      parts.encode(['d']);
      expect(encodings).toEqual([encoding]);
      await parts.closeExporter();
    });
  });
});
