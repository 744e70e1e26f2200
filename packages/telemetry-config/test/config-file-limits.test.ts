import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, parseConfig, TelemetryConfigError } from '../src/index.js';
import { createTempDir } from './helpers.js';

// Issue 14 D8: a 20,000-deep nested file followed by a 1,000-deep JSON file in the same process
// aborted it (`FATAL ERROR: RegExpCompiler Allocation failed`, exit 134): nothing to catch.
// Nesting depth and size are now bounded before parsing.

const BUILT = join(__dirname, '..', 'dist', 'cjs', 'index.js');

const deepFlow = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepBlock = (depth: number) => `${'- '.repeat(depth)}x\n`;

function errorOf(run: () => unknown): TelemetryConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof TelemetryConfigError) return error;
    throw error;
  }
  throw new Error('expected a TelemetryConfigError');
}

describe('config file limits', () => {
  const dir = createTempDir();
  afterAll(() => dir.cleanup());

  // In a child process: before the fix this aborted the process, which would take jest down.
  it('should reject a 20,000-deep file, then a 1,000-deep JSON file, in one process', () => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "pnpm build" first`);
    const files = [
      dir.write('deep.yaml', deepFlow(20_000)),
      dir.write('deep-block.yaml', deepBlock(20_000)),
      dir.write('deep.json', deepJson(1_000)),
    ];
    const script = `
      const { loadConfig } = require(${JSON.stringify(BUILT)});
      for (const file of ${JSON.stringify(files)}) {
        try {
          loadConfig({ file, env: {} });
          console.log(JSON.stringify({ file, loaded: true }));
        } catch (error) {
          console.log(JSON.stringify({ file, name: error.name, issues: error.issues }));
        }
      }`;
    const child = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const results = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(files.length);
    results.forEach((result, index) => {
      expect(result.name).toBe('TelemetryConfigError');
      expect(result.issues).toEqual([
        expect.objectContaining({ path: '', received: files[index], source: 'file' }),
      ]);
      expect(result.issues[0].expected).toContain('at most 32 levels');
    });
  });

  it.each([
    ['flow', deepFlow(33)],
    ['JSON', deepJson(33)],
    ['block', deepBlock(33)],
  ])('should reject %s nesting deeper than 32 levels, naming the file', (_case, text) => {
    const file = dir.write('nested.yaml', text);
    const error = errorOf(() => loadConfig({ file, env: {} }));
    expect(error.issues).toEqual([
      expect.objectContaining({ path: '', received: file, source: 'file' }),
    ]);
    expect(error.issues[0]?.expected).toContain('nesting at most 32 levels deep');
  });

  it('should accept nesting of 32 levels', () => {
    const text = `resource:\n  attributes:\n    list: ${deepFlow(1)}\n`;
    expect(() => parseConfig(text, 'yaml', { env: {} })).not.toThrow();
    expect(
      errorOf(() => parseConfig(deepJson(32), 'json', { env: {} })).issues[0]?.expected,
    ).not.toContain('levels');
  });

  it('should reject a file larger than 1 MiB without parsing it, naming the file', () => {
    const file = dir.write('large.yaml', `# ${'x'.repeat(1024 * 1024)}\n`);
    const error = errorOf(() => loadConfig({ file, env: {} }));
    expect(error.issues).toEqual([
      expect.objectContaining({ path: '', received: file, source: 'file' }),
    ]);
    expect(error.issues[0]?.expected).toContain('at most 1 MiB');
  });

  it('should reject config text larger than 1 MiB', () => {
    const error = errorOf(() => parseConfig(`# ${'x'.repeat(1024 * 1024)}\n`, 'yaml', { env: {} }));
    expect(error.issues[0]?.expected).toContain('at most 1 MiB');
  });
});
