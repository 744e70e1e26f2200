import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DOCKER_COMPOSE_HINT, INFRA_DIR, runTool } from './run-tool.js';

interface ComposeService {
  image: string;
  ports?: string[];
  volumes?: string[];
}

describe('infra/docker-compose.yaml', () => {
  const compose = parse(readFileSync(path.join(INFRA_DIR, 'docker-compose.yaml'), 'utf8')) as {
    services: Record<string, ComposeService>;
  };

  it('should be a valid Compose file (docker-compose config)', () => {
    const { status, output } = runTool(
      'docker-compose',
      ['-f', 'docker-compose.yaml', 'config', '-q'],
      DOCKER_COMPOSE_HINT,
    );
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('should run the collector, Jaeger, Prometheus, Grafana and Kafka from pinned images', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'grafana',
      'jaeger',
      'kafka',
      'kafka-topics',
      'otel-collector',
      'prometheus',
    ]);
    for (const service of Object.values(compose.services)) {
      expect(service.image).toMatch(/:v?\d+\.\d+\.\d+$/); // never :latest
    }
    expect(compose.services['otel-collector']!.image).toMatch(
      /^otel\/opentelemetry-collector-contrib:/,
    );
    // Jaeger v2 (the v1 all-in-one image reached its end of life).
    expect(compose.services.jaeger!.image).toMatch(/^jaegertracing\/jaeger:2\./);
    // The release the native stack fetches from Maven Central (infra/kafka/pom.xml).
    const pom = readFileSync(path.join(INFRA_DIR, 'kafka', 'pom.xml'), 'utf8');
    const version = /<artifactId>kafka_2\.13<\/artifactId>\s*<version>([^<]+)</.exec(pom)?.[1];
    expect(compose.services.kafka!.image).toBe(`apache/kafka:${version}`);
    expect(compose.services['kafka-topics']!.image).toBe(compose.services.kafka!.image);
  });

  it('should publish the ports infra/README.md documents', () => {
    // "HOST:CONTAINER" or "ADDRESS:HOST:CONTAINER".
    const published = Object.values(compose.services).flatMap((s) =>
      (s.ports ?? []).map((p) => p.split(':').at(-2)!),
    );
    expect(published.sort()).toEqual([
      '13133',
      '16686',
      '3000',
      '4317',
      '4318',
      '8889',
      '9090',
      '9092',
    ]);
    const readme = readFileSync(path.join(INFRA_DIR, 'README.md'), 'utf8');
    for (const port of published) expect(readme).toContain(String(port));
  });

  it('should mount only files that exist in infra/', () => {
    // The config files `pnpm stack up` runs natively: one set for both.
    const mounted = Object.values(compose.services).flatMap((s) =>
      (s.volumes ?? []).map((v) => v.split(':')[0]!),
    );
    for (const file of [
      './otel-collector.yaml',
      './jaeger.yaml',
      './prometheus.yaml',
      './kafka/server.properties',
      './kafka/topics.txt',
    ])
      expect(mounted).toContain(file);
    // Files of infra/ (named volumes such as kafka-data hold data, not config).
    const mounts = Object.values(compose.services).flatMap((s) =>
      (s.volumes ?? []).map((v) => v.split(':')[0]!).filter((v) => v.startsWith('.')),
    );
    expect(mounts.length).toBeGreaterThan(0);
    for (const mount of mounts)
      expect([mount, existsSync(path.join(INFRA_DIR, mount))]).toEqual([mount, true]);
  });
});
