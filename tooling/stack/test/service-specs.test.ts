import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stackPaths } from '../src/paths.js';
import { portsWithOffset } from '../src/ports.js';
import { kafkaFiles } from '../src/prepare-kafka.js';
import { SERVICE_NAMES } from '../src/service-spec.js';
import { serviceSpecs } from '../src/service-specs.js';

const paths = stackPaths();
const ports = portsWithOffset(0);
const specs = serviceSpecs(
  paths,
  ports,
  {
    collector: '/bin/otelcol-proc',
    jaeger: '/bin/jaeger',
    prometheus: '/usr/bin/prometheus',
    java: '/usr/bin/java',
    python: '/venv/bin/python',
  },
  '/tmp/prometheus.yaml',
  kafkaFiles(paths),
);

/** The `${env:VAR:-default}` references of an infra/ file, outside its comments. */
const envReferences = (file: string) => {
  const text = readFileSync(path.join(paths.infraDir, file), 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  return [...text.matchAll(/\$\{env:([A-Z_]+):-([^}]+)\}/g)].map((m) => m[1]!);
};

describe('serviceSpecs', () => {
  it.each([
    ['collector', 'otel-collector.yaml'],
    ['jaeger', 'jaeger.yaml'],
  ] as const)(
    'should set exactly the variables %s reads from infra/%s, each with a compose default',
    (name, file) => {
      const refs = envReferences(file);
      expect(refs.length).toBeGreaterThan(0);
      expect(Object.keys(specs[name].env).sort()).toEqual(refs.sort());
      expect(specs[name].args).toEqual(['--config', path.join(paths.infraDir, file)]);
    },
  );

  it('should listen on 127.0.0.1 only', () => {
    for (const spec of Object.values(specs)) {
      for (const value of [...Object.values(spec.env), ...spec.args])
        expect(value).not.toMatch(/0\.0\.0\.0|localhost/);
    }
    expect(specs.prometheus.args).toContain(`--web.listen-address=127.0.0.1:${ports.prometheus}`);
  });

  it("should point the collector's Jaeger exporter at Jaeger's OTLP receiver", () => {
    expect(specs.collector.env.COLLECTOR_JAEGER_ENDPOINT).toBe(
      specs.jaeger.env.JAEGER_OTLP_GRPC_ENDPOINT,
    );
  });

  it("should write the collector's log records into this stack's data folder", () => {
    expect(specs.collector.env.COLLECTOR_LOG_RECORDS_FILE).toBe(
      path.join(paths.stateDir, 'data', 'collector', 'log-records.jsonl'),
    );
  });

  it('should store exemplars in Prometheus', () => {
    expect(specs.prometheus.args).toContain('--enable-feature=exemplar-storage');
  });

  it('should run the Kafka broker from the fetched jars with infra/kafka/log4j2.yaml', () => {
    const { args } = specs.kafka;
    expect(args.slice(args.indexOf('-cp'))).toEqual([
      '-cp',
      `${path.join(paths.repoRoot, '.stack', 'kafka', 'lib')}/*`,
      `-Dlog4j2.configurationFile=${path.join(paths.infraDir, 'kafka', 'log4j2.yaml')}`,
      'kafka.Kafka',
      kafkaFiles(paths).config,
    ]);
    expect(specs.kafka.readyKafkaBroker).toBe(`127.0.0.1:${ports.kafka}`);
  });

  it("should point the relay at the stack's Kafka and the collector's OTLP/HTTP receiver", () => {
    expect(specs.relay.env).toMatchObject({
      RELAY_LISTEN: `127.0.0.1:${ports.relayHttp}`,
      RELAY_KAFKA_BROKERS: specs.kafka.readyKafkaBroker,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${ports.collectorOtlpHttp}`,
    });
    expect(specs.relay.readyUrls).toEqual([`http://127.0.0.1:${ports.relayHttp}/health`]);
  });

  it('should give every port to one service only and check each one is free', () => {
    const all = SERVICE_NAMES.flatMap((name) => specs[name].ports);
    expect(all.sort()).toEqual(Object.values(ports).sort());
  });
});
