import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StackPaths } from './paths.js';
import type { StackPorts } from './ports.js';

/**
 * Prometheus expands no variables in its configuration, so infra/prometheus.yaml names its
 * targets by file (`file_sd_configs`, relative to the configuration file's folder). Natively
 * Prometheus reads a link to that same file from .stack/…/prometheus/, where this writes the
 * 127.0.0.1 targets; compose mounts infra/prometheus-targets/ beside it instead.
 * Returns the path to pass as --config.file.
 */
export function preparePrometheus(paths: StackPaths, ports: StackPorts): string {
  const targetsDir = path.join(paths.prometheusDir, 'prometheus-targets');
  mkdirSync(targetsDir, { recursive: true });
  const targets = {
    'otel-collector.json': ports.collectorPrometheus,
    'otel-collector-internal.json': ports.collectorTelemetry,
    'prometheus.json': ports.prometheus,
  };
  for (const [file, port] of Object.entries(targets)) {
    writeFileSync(
      path.join(targetsDir, file),
      `${JSON.stringify([{ targets: [`127.0.0.1:${port}`] }])}\n`,
    );
  }
  const config = path.join(paths.prometheusDir, 'prometheus.yaml');
  rmSync(config, { force: true });
  symlinkSync(path.join(paths.infraDir, 'prometheus.yaml'), config);
  return config;
}
