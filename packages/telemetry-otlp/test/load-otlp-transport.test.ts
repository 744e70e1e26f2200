import { defaultTelemetryConfig, type ExportConfig } from '@proc/telemetry-config';
import { loadOtlpTransport } from '../src/index.js';
import { loadGrpcExporterBase } from '../src/internal/grpc-exporter-base.js';

function exportConfig(protocol: ExportConfig['protocol']): ExportConfig {
  return { ...defaultTelemetryConfig().traces.export, protocol };
}

describe('loadOtlpTransport', () => {
  describe('loadOtlpTransport()', () => {
    it.each(['grpc', 'http/protobuf', 'http/json'] as const)(
      'should resolve for %s when its packages are installed',
      async (protocol) => {
        await expect(loadOtlpTransport(exportConfig(protocol), 'traces.export')).resolves.toBe(
          undefined,
        );
      },
    );
  });

  describe('loadGrpcExporterBase()', () => {
    it('should load the gRPC export delegate of the optional peer dependency', async () => {
      const grpc = await loadGrpcExporterBase('traces.export');
      expect(typeof grpc.createOtlpGrpcExportDelegate).toBe('function');
    });
  });
});
