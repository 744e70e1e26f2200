import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The guide's pages and their links. Its code blocks are checked in examples/test: each one runs
// from the packed tarballs or says why it cannot (doc-snippet-cases.ts), and every TypeScript one
// is compiled against the real packages (snippet-types.test.ts).

const DOCS_DIR = path.resolve(__dirname, '..');
const pages = readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'));

describe('docs/', () => {
  it('should have an index and the guide pages', () => {
    expect(pages.sort()).toEqual([
      'README.md',
      'architecture.md',
      'benchmarks.md',
      'coming-from-nodesdk.md',
      'configuration.md',
      'getting-started.md',
      'logs.md',
      'operations.md',
      'stream-processing.md',
      'testing.md',
      'zero-code.md',
    ]);
  });

  it('should only link to files that exist', () => {
    for (const page of pages) {
      const text = readFileSync(path.join(DOCS_DIR, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        expect([page, target, existsSync(path.resolve(DOCS_DIR, target!))]).toEqual([
          page,
          target,
          true,
        ]);
      }
    }
  });
});
