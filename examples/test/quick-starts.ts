// The quick starts: one runnable file per package README (examples/<package>/quick-start.mjs),
// what each README's install line names, and what running it must deliver.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** One package's quick start. */
export interface QuickStart {
  /** The folder under packages/ and examples/. */
  dir: string;
  /** `OTEL_SERVICE_NAME` the test runs it with (unless the quick start names its service). */
  serviceName: string;
}

export const QUICK_STARTS: QuickStart[] = [
  { dir: 'telemetry', serviceName: 'order-enricher' },
  { dir: 'telemetry-tracing', serviceName: 'tracing-quick-start' },
  { dir: 'telemetry-metrics', serviceName: 'metrics-quick-start' },
  { dir: 'telemetry-context', serviceName: 'context-quick-start' },
  { dir: 'telemetry-testing', serviceName: 'testing-quick-start' },
  { dir: 'telemetry-config', serviceName: 'config-quick-start' },
  { dir: 'telemetry-resource', serviceName: 'resource-quick-start' },
  { dir: 'telemetry-logs', serviceName: 'logs-quick-start' },
  { dir: 'telemetry-otlp', serviceName: 'otlp-quick-start' },
  { dir: 'telemetry-lifecycle', serviceName: 'lifecycle-quick-start' },
  { dir: 'telemetry-semconv', serviceName: 'semconv-quick-start' },
  { dir: 'telemetry-doctor', serviceName: 'doctor-quick-start' },
  { dir: 'telemetry-instrumentations', serviceName: 'instrumentations-quick-start' },
];

export function readmeOf(dir: string): string {
  return readFileSync(path.join(ROOT, 'packages', dir, 'README.md'), 'utf8');
}

export function quickStartOf(dir: string): string {
  return readFileSync(path.join(ROOT, 'examples', dir, 'quick-start.mjs'), 'utf8');
}

/** The fenced code blocks of a Markdown text, in order: language and body. */
export function codeBlocks(markdown: string): Array<{ lang: string; body: string }> {
  const blocks: Array<{ lang: string; body: string }> = [];
  for (const match of markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    blocks.push({ lang: match[1] ?? '', body: match[2] ?? '' });
  }
  return blocks;
}

/**
 * The packages of an `npm install a b@range` (or `pnpm add a b@range`) line, each with its range
 * (`''` when none).
 */
export function installedBy(line: string): Map<string, string> {
  const packages = new Map<string, string>();
  const words = line.trim().split(/\s+/);
  const [client, command] = words;
  if (!((client === 'npm' && command === 'install') || (client === 'pnpm' && command === 'add'))) {
    throw new Error(`not an npm install or pnpm add line: ${line}`);
  }
  for (const word of words.slice(2).filter((word) => !word.startsWith('-'))) {
    const at = word.indexOf('@', 1);
    packages.set(at === -1 ? word : word.slice(0, at), at === -1 ? '' : word.slice(at + 1));
  }
  return packages;
}

/** The packages a module imports (bare specifiers, without subpaths or `node:` built-ins). */
export function importedPackages(source: string): Set<string> {
  const packages = new Set<string>();
  for (const match of source.matchAll(/^import[^'"]*from '([^']+)';/gm)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('node:') || specifier.startsWith('.')) continue;
    const parts = specifier.split('/');
    packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
  }
  return packages;
}

/** The README's install line: the first line of its first code block. */
export function installLineOf(readme: string): string {
  const first = codeBlocks(readme)[0];
  return first?.lang === 'sh' ? (first.body.split('\n')[0] ?? '') : '';
}
