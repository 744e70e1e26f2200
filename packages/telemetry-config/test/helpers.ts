import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ConfigWarning,
  type LoadConfigOptions,
  loadConfig,
  type TelemetryConfig,
} from '../src/index.js';

/** `loadConfig` with an explicit env (never `process.env`), collecting warnings. */
export function loadWith(
  env: Record<string, string | undefined>,
  options: Omit<LoadConfigOptions, 'env' | 'onWarning'> = {},
): { config: TelemetryConfig; warnings: ConfigWarning[] } {
  const warnings: ConfigWarning[] = [];
  const config = loadConfig({ ...options, env, onWarning: (w) => warnings.push(w) });
  return { config, warnings };
}

/** The value at a dotted path. */
export function valueAt(config: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], config);
}

/** A temporary directory for config files, removed by `cleanup()`. */
export function createTempDir(): { write(name: string, text: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'telemetry-config-'));
  return {
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
