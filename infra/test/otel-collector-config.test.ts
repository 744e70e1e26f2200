import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONTRIB_COMPONENTS, CONTRIB_IMAGE } from './otelcol-contrib-components.js';
import { INFRA_DIR } from './run-tool.js';

type Section = 'receivers' | 'processors' | 'exporters' | 'extensions';
interface CollectorConfig extends Record<Section, Record<string, Record<string, unknown> | null>> {
  service: {
    extensions?: string[];
    pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }>;
  };
}

/** `otlp_grpc/jaeger` is an `otlp_grpc` exporter named `jaeger`. */
const typeOf = (id: string) => id.split('/')[0]!;

/**
 * The compose value of an address: `${env:VAR:-default}` is `default` unless VAR is set, and
 * compose sets none (`pnpm stack up` sets them to 127.0.0.1 addresses).
 */
const composeValue = (value: unknown) =>
  typeof value === 'string' ? value.replace(/^\$\{env:[A-Z_]+:-([^}]+)\}$/, '$1') : value;

/**
 * The Go package of each component type the config may use, as infra/collector/components.go
 * imports it: the native distribution holds exactly these.
 */
const NATIVE_COMPONENT_PACKAGES: Record<string, string> = {
  otlp: 'otlpreceiver',
  memory_limiter: 'memorylimiterprocessor',
  batch: 'batchprocessor',
  otlp_grpc: 'otlpexporter',
  prometheus: 'prometheusexporter',
  debug: 'debugexporter',
  file: 'fileexporter',
  health_check: 'healthcheckextension',
};

describe('infra/otel-collector.yaml', () => {
  const config = parse(
    readFileSync(path.join(INFRA_DIR, 'otel-collector.yaml'), 'utf8'),
  ) as CollectorConfig;

  it('should be for the contrib image the compose file pins', () => {
    expect(readFileSync(path.join(INFRA_DIR, 'docker-compose.yaml'), 'utf8')).toContain(
      `image: ${CONTRIB_IMAGE}`,
    );
  });

  it.each(['receivers', 'processors', 'exporters', 'extensions'] as const)(
    'should only declare %s of the contrib distribution',
    (section) => {
      const ids = Object.keys(config[section]);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids)
        expect([
          id,
          (CONTRIB_COMPONENTS[section] as readonly string[]).includes(typeOf(id)),
        ]).toEqual([id, true]);
    },
  );

  it.each(['receivers', 'processors', 'exporters', 'extensions'] as const)(
    'should only declare %s that the native distribution (infra/collector) builds in',
    (section) => {
      const components = readFileSync(path.join(INFRA_DIR, 'collector/components.go'), 'utf8');
      for (const id of Object.keys(config[section])) {
        const pkg = NATIVE_COMPONENT_PACKAGES[typeOf(id)];
        expect([id, pkg !== undefined && components.includes(`${pkg}.NewFactory()`)]).toEqual([
          id,
          true,
        ]);
      }
    },
  );

  it('should only use declared components in its pipelines', () => {
    for (const [name, pipeline] of Object.entries(config.service.pipelines)) {
      for (const [section, ids] of [
        ['receivers', pipeline.receivers],
        ['processors', pipeline.processors ?? []],
        ['exporters', pipeline.exporters],
      ] as const) {
        for (const id of ids) expect([name, id, id in config[section]]).toEqual([name, id, true]);
      }
    }
    for (const id of config.service.extensions ?? []) expect(id in config.extensions).toBe(true);
  });

  it('should receive OTLP over gRPC and HTTP on all interfaces in compose', () => {
    const { grpc, http } = (
      config.receivers.otlp as { protocols: Record<string, { endpoint: string }> }
    ).protocols;
    expect([composeValue(grpc?.endpoint), composeValue(http?.endpoint)]).toEqual([
      '0.0.0.0:4317',
      '0.0.0.0:4318',
    ]);
  });

  it('should run memory_limiter first and batch in every pipeline', () => {
    for (const pipeline of Object.values(config.service.pipelines)) {
      expect(pipeline.processors?.[0]).toBe('memory_limiter');
      expect(pipeline.processors).toContain('batch');
    }
  });

  it('should send traces to Jaeger over OTLP and metrics to the Prometheus exporter', () => {
    const { traces, metrics } = config.service.pipelines;
    expect(traces?.exporters).toContain('otlp_grpc/jaeger');
    const jaeger = config.exporters['otlp_grpc/jaeger'];
    expect(composeValue(jaeger?.endpoint)).toBe('jaeger:4317');
    expect(jaeger?.tls).toEqual({ insecure: true });
    expect(metrics?.exporters).toContain('prometheus');
  });

  it('should write log records as OTLP JSON to a file, standard output in compose', () => {
    expect(config.service.pipelines.logs?.exporters).toContain('file/logs');
    const file = config.exporters['file/logs'];
    expect([composeValue(file?.path), file?.format]).toEqual(['/dev/stdout', 'json']);
  });

  it('should expose OpenMetrics, the format that carries exemplars', () => {
    expect(config.exporters.prometheus?.enable_open_metrics).toBe(true);
  });
});
