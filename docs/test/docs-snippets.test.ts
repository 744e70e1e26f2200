import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The guide's TypeScript snippets are compiled against the real packages (their built types),
// so a renamed export or a changed option breaks this test instead of a reader's build. The
// runnable ones also run, from the packed tarballs (examples/test/doc-snippet-cases.ts).

const DOCS_DIR = path.resolve(__dirname, '..');
const pages = readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md'));

/** Placeholders the snippets use for the user's own code (a Kafka-like client, a handler). */
const PRELUDE = `
interface DocMessage { value: string; offset: number; partition: number; headers: Record<string, string> }
declare const producer: {
  send(record: { topic: string; messages: Array<{ value: string; headers: Record<string, string> }> }): Promise<void>;
};
declare const consumer: {
  onBatch(handler: (messages: DocMessage[]) => Promise<void>): void;
  disconnect(): Promise<void>;
};
declare const order: { id: string; amount: number };
declare function handle(message: DocMessage): Promise<void>;
export {};
`;

function snippets(page: string): string[] {
  const text = readFileSync(path.join(DOCS_DIR, page), 'utf8');
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

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

  it('should hold TypeScript snippets that compile against the real packages', () => {
    const dir = mkdtempSync(path.join(DOCS_DIR, '.docs-snippets-'));
    try {
      let count = 0;
      for (const page of pages) {
        snippets(page).forEach((code, i) => {
          writeFileSync(
            path.join(dir, `${page.replace('.md', '')}-${i + 1}.mts`),
            `${code}\n${PRELUDE}`,
          );
          count++;
        });
      }
      expect(count).toBeGreaterThanOrEqual(15);
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: '@proc/tsconfig/base.json',
          compilerOptions: {
            noEmit: true,
            declaration: false,
            declarationMap: false,
            sourceMap: false,
            types: ['node', 'jest'],
            noUnusedLocals: false,
          },
          include: ['*.mts'],
        }),
      );
      const tsc = require.resolve('typescript/bin/tsc');
      const run = spawnSync(process.execPath, [tsc, '-p', dir], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(`${run.stdout}${run.stderr}`.replaceAll(`${dir}/`, '')).toBe('');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
