// Every TypeScript block a reader copies, compiled against the real packages (their built
// types), so a renamed export or a changed option breaks this test instead of a reader's build:
// the guide's (docs/*.md, with GUIDE_PRELUDE for the reader's own producer, consumer and
// handler), a package README's (a `run` block as it is, which packed.wire.test.ts also runs from
// the packed tarballs; a `fragment` with the declarations its case gives for the names it takes
// from the reader's app, `declares` in doc-snippet-cases.ts), and the repository README's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOC_SNIPPET_CASES } from './doc-snippet-cases.js';
import { docSnippets } from './doc-snippets.js';
import { codeBlocks, ROOT } from './quick-starts.js';

const EXAMPLES_DIR = path.resolve(__dirname, '..');
const tsBlocks = docSnippets().filter((snippet) => snippet.lang === 'ts');
/** docs/*.md: a page of the guide has no folder in its name. */
const guideBlocks = tsBlocks.filter((snippet) => !snippet.page.includes('/'));
const readmeBlocks = tsBlocks.filter((snippet) => snippet.page.endsWith('/README.md'));

/** Placeholders the guide's snippets use for the reader's own code (a Kafka-like client, a handler). */
const GUIDE_PRELUDE = `
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
`;
// The repository README's TypeScript: the first code a visitor reads, compiled as it is.
const rootBlocks = codeBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).filter(
  (block) => block.lang === 'ts',
);

describe('the TypeScript blocks of the guide and the READMEs', () => {
  it('should each be a run or a fragment with the declarations it needs', () => {
    const problems = readmeBlocks.flatMap((snippet) => {
      const snippetCase = DOC_SNIPPET_CASES[snippet.key];
      if (snippetCase?.kind === 'run') return [];
      if (snippetCase?.kind === 'fragment' && snippetCase.declares !== undefined) return [];
      return [`${snippet.key}: needs a run case or a fragment case with declares`];
    });
    expect(problems).toEqual([]);
    expect(readmeBlocks.length).toBeGreaterThanOrEqual(25);
    expect(guideBlocks.length).toBeGreaterThanOrEqual(15);
  });

  it('should compile against the real packages', () => {
    const dir = mkdtempSync(path.join(EXAMPLES_DIR, '.snippet-types-'));
    try {
      const files = new Map<string, string>();
      for (const snippet of guideBlocks) {
        const file = `guide-${snippet.key.replace(/[/#.:]+/g, '-')}.mts`;
        files.set(file, `docs/${snippet.key}`);
        writeFileSync(path.join(dir, file), `${snippet.body}\n${GUIDE_PRELUDE}\nexport {};\n`);
      }
      for (const snippet of readmeBlocks) {
        const snippetCase = DOC_SNIPPET_CASES[snippet.key];
        const declares = snippetCase?.kind === 'fragment' ? (snippetCase.declares ?? '') : '';
        const file = `${snippet.key.replace(/[/#.]+/g, '-')}.mts`;
        files.set(file, snippet.key);
        // The block first, so the compiler's line numbers are the block's own.
        writeFileSync(path.join(dir, file), `${snippet.body}\n${declares}\nexport {};\n`);
      }
      rootBlocks.forEach((block, i) => {
        const file = `root-README-${i + 1}.mts`;
        files.set(file, `README.md (TypeScript block ${i + 1})`);
        writeFileSync(path.join(dir, file), `${block.body}\nexport {};\n`);
      });
      expect(rootBlocks.length).toBeGreaterThanOrEqual(1);
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
      // Each error names its README block, not the temporary file.
      let output = `${run.stdout}${run.stderr}`
        .replaceAll(`${dir}/`, '')
        .replaceAll(`${path.relative(process.cwd(), dir)}/`, '');
      for (const [file, key] of files) output = output.replaceAll(file, key);
      expect(output).toBe('');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
