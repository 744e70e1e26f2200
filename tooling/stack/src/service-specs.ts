import path from 'node:path';
import type { StackPaths } from './paths.js';
import type { StackPorts } from './ports.js';
import type { ServiceName, ServiceSpec } from './service-spec.js';

const local = (port: number) => `127.0.0.1:${port}`;
const url = (port: number, pathname: string) => `http://127.0.0.1:${port}${pathname}`;

/** Where the programs are: the two Go builds and Prometheus from PATH. */
export interface ServiceCommands {
  collector: string;
  jaeger: string;
  prometheus: string;
}

/**
 * The three processes, reading the same infra/ files as compose. Every address of those files
 * is an ${env:VAR:-compose default}; here each is 127.0.0.1 and a port of `ports`.
 */
export function serviceSpecs(
  paths: StackPaths,
  ports: StackPorts,
  commands: ServiceCommands,
  prometheusConfig: string,
): Record<ServiceName, ServiceSpec> {
  return {
    jaeger: {
      name: 'jaeger',
      command: commands.jaeger,
      args: ['--config', path.join(paths.infraDir, 'jaeger.yaml')],
      env: {
        JAEGER_OTLP_GRPC_ENDPOINT: local(ports.jaegerOtlpGrpc),
        JAEGER_QUERY_HTTP_ENDPOINT: local(ports.jaegerQueryHttp),
        JAEGER_QUERY_GRPC_ENDPOINT: local(ports.jaegerQueryGrpc),
        JAEGER_HEALTH_ENDPOINT: local(ports.jaegerHealth),
      },
      ports: [
        ports.jaegerOtlpGrpc,
        ports.jaegerQueryHttp,
        ports.jaegerQueryGrpc,
        ports.jaegerHealth,
      ],
      // Health says every pipeline runs (the OTLP receiver too); the query API is what we read.
      readyUrls: [url(ports.jaegerHealth, '/status'), url(ports.jaegerQueryHttp, '/api/services')],
    },
    collector: {
      name: 'collector',
      command: commands.collector,
      args: ['--config', path.join(paths.infraDir, 'otel-collector.yaml')],
      env: {
        COLLECTOR_OTLP_GRPC_ENDPOINT: local(ports.collectorOtlpGrpc),
        COLLECTOR_OTLP_HTTP_ENDPOINT: local(ports.collectorOtlpHttp),
        COLLECTOR_JAEGER_ENDPOINT: local(ports.jaegerOtlpGrpc),
        COLLECTOR_PROMETHEUS_ENDPOINT: local(ports.collectorPrometheus),
        COLLECTOR_HEALTH_ENDPOINT: local(ports.collectorHealth),
        COLLECTOR_TELEMETRY_HOST: '127.0.0.1',
        COLLECTOR_TELEMETRY_PORT: String(ports.collectorTelemetry),
      },
      ports: [
        ports.collectorOtlpGrpc,
        ports.collectorOtlpHttp,
        ports.collectorPrometheus,
        ports.collectorTelemetry,
        ports.collectorHealth,
      ],
      // The health_check extension answers 200 once every pipeline has started.
      readyUrls: [url(ports.collectorHealth, '/')],
    },
    prometheus: {
      name: 'prometheus',
      command: commands.prometheus,
      args: [
        `--config.file=${prometheusConfig}`,
        `--storage.tsdb.path=${path.join(paths.dataDir, 'prometheus')}`,
        '--storage.tsdb.retention.time=2d',
        `--web.listen-address=${local(ports.prometheus)}`,
        '--web.enable-lifecycle',
        // Keeps the exemplars (trace ids) the collector exposes in OpenMetrics.
        '--enable-feature=exemplar-storage',
      ],
      env: {},
      ports: [ports.prometheus],
      readyUrls: [url(ports.prometheus, '/-/ready')],
    },
  };
}
