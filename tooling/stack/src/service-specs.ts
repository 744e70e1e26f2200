import path from 'node:path';
import type { StackPaths } from './paths.js';
import type { StackPorts } from './ports.js';
import type { KafkaFiles } from './prepare-kafka.js';
import type { ServiceName, ServiceSpec } from './service-spec.js';

const local = (port: number) => `127.0.0.1:${port}`;
const url = (port: number, pathname: string) => `http://127.0.0.1:${port}${pathname}`;

/** Where the programs are: the two Go builds, Prometheus, Java and the relay's Python. */
export interface ServiceCommands {
  collector: string;
  jaeger: string;
  prometheus: string;
  /** The `java` that runs the Kafka broker. */
  java: string;
  /** The interpreter of the relay's virtual environment. */
  python: string;
}

/**
 * The broker's JVM: a fixed, small heap (a development broker on a 2-core machine), G1, and no
 * GUI toolkit. The same as compose's KAFKA_HEAP_OPTS.
 */
export const KAFKA_JVM_OPTIONS = [
  '-Xms256m',
  '-Xmx512m',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-Djava.awt.headless=true',
];

/**
 * The three processes, reading the same infra/ files as compose. Every address of those files
 * is an ${env:VAR:-compose default}; here each is 127.0.0.1 and a port of `ports`.
 */
export function serviceSpecs(
  paths: StackPaths,
  ports: StackPorts,
  commands: ServiceCommands,
  prometheusConfig: string,
  kafka: KafkaFiles,
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
        COLLECTOR_LOG_RECORDS_FILE: paths.collectorLogRecordsFile,
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
    kafka: {
      name: 'kafka',
      command: commands.java,
      args: [
        ...KAFKA_JVM_OPTIONS,
        '-cp',
        kafka.classPath,
        `-Dlog4j2.configurationFile=${kafka.log4jConfig}`,
        'kafka.Kafka',
        kafka.config,
      ],
      env: {},
      ports: [ports.kafka, ports.kafkaController],
      readyUrls: [],
      // No HTTP endpoint: ready once it answers a metadata request and names its controller.
      readyKafkaBroker: local(ports.kafka),
    },
    relay: {
      name: 'relay',
      command: commands.python,
      args: [path.join(paths.repoRoot, 'apps', 'chain-relay', 'relay.py')],
      env: {
        RELAY_LISTEN: local(ports.relayHttp),
        RELAY_KAFKA_BROKERS: local(ports.kafka),
        RELAY_TOPIC: 'chain',
        OTEL_SERVICE_NAME: 'chain-relay',
        OTEL_EXPORTER_OTLP_ENDPOINT: url(ports.collectorOtlpHttp, ''),
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        // Spans reach the collector within a second, as the demo's do.
        OTEL_BSP_SCHEDULE_DELAY: '1000',
        // Output as it happens, not when a buffer fills.
        PYTHONUNBUFFERED: '1',
      },
      ports: [ports.relayHttp],
      // 200 once the relay's Kafka producer has reached the broker.
      readyUrls: [url(ports.relayHttp, '/health')],
    },
  };
}
