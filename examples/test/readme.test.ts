// Every README opens with an install line and its quick start, and the quick start in the README
// is the file the packed-install test runs: this fails when the two differ.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  codeBlocks,
  importedPackages,
  installedBy,
  installLineOf,
  QUICK_STARTS,
  quickStartOf,
  ROOT,
  readmeOf,
} from './quick-starts.js';

describe('the quick starts', () => {
  it('should cover every package under packages/', () => {
    const packages = readdirSync(path.join(ROOT, 'packages')).sort();
    expect(QUICK_STARTS.map(({ dir }) => dir).sort()).toEqual(packages);
  });
});

describe.each(QUICK_STARTS)('the README of packages/$dir', ({ dir }) => {
  it('should open with an npm install line', () => {
    expect(installLineOf(readmeOf(dir))).toMatch(/^npm install (--save-dev )?@proc\//);
  });

  it('should show examples/<package>/quick-start.mjs, as it is, as its first JavaScript block', () => {
    const firstScript = codeBlocks(readmeOf(dir)).find((block) => block.lang !== 'sh');
    expect(firstScript).toEqual({ lang: 'js', body: quickStartOf(dir) });
  });

  it('should install every package the quick start imports', () => {
    const installed = installedBy(installLineOf(readmeOf(dir)));
    const missing = [...importedPackages(quickStartOf(dir))].filter((name) => !installed.has(name));
    expect(missing).toEqual([]);
  });

  it('should pin @opentelemetry/api to the 1.9 line the SDK accepts (npm picks 1.10 otherwise)', () => {
    const installed = installedBy(installLineOf(readmeOf(dir)));
    expect(installed.get('@opentelemetry/api')).toBe('1.9');
  });
});
