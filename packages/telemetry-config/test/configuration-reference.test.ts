import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// docs/configuration.md's reference is generated from the schema, the env table and the TSDoc
// (scripts/config-reference.cjs, `pnpm docs:config`): this fails when the checked-in copy drifts.
const SCRIPT = path.resolve(__dirname, '../scripts/config-reference.cjs');
const DOCS = path.resolve(__dirname, '../../../docs/configuration.md');

function run(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000 });
}

describe('docs/configuration.md reference', () => {
  it('should be what the generator writes from the schema and the env table', () => {
    const result = run('--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('should list every field with its variables and every known-unsupported variable', () => {
    const text = readFileSync(DOCS, 'utf8');
    expect(text).toContain(
      '| `traces.exporter` | one of: otlp, console, none, or a list of them | `["otlp"]` | `OTEL_TRACES_EXPORTER` |',
    );
    expect(text).toContain('`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_<SIGNAL>_ENDPOINT`');
    expect(text).toContain('| `OTEL_EXPORTER_ZIPKIN_*` | any |');
    expect(text).toContain('| `OTEL_TRACES_SAMPLER` | `jaeger_remote` |');
  });

  it('should fail the check, naming the command, when the file differs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-reference-'));
    try {
      const copy = path.join(dir, 'configuration.md');
      copyFileSync(DOCS, copy);
      writeFileSync(copy, readFileSync(copy, 'utf8').replace('| `disabled` |', '| `disabld` |'));
      const result = run('--check', '--docs', copy);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('run `pnpm docs:config`');
      expect(run('--docs', copy).status).toBe(0);
      expect(readFileSync(copy, 'utf8')).toBe(readFileSync(DOCS, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
