// Every TypeScript block of a package README and of the repository README, compiled against the
// real packages (their built types), so a renamed export or a changed option breaks this test instead of a reader's build:
// a `run` block as it is (doc-snippets.test.ts runs it from the packed tarballs, types
// stripped), a `fragment` with the declarations its case gives for the names it takes from the
// reader's app (`declares` in doc-snippet-cases.ts). The guide's blocks are compiled by
// docs/test/docs-snippets.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOC_SNIPPET_CASES } from './doc-snippet-cases.js';
import { docSnippets } from './doc-snippets.js';
import { codeBlocks, ROOT } from './quick-starts.js';

const EXAMPLES_DIR = path.resolve(__dirname, '..');
const readmeBlocks = docSnippets().filter(
  (snippet) => snippet.page.endsWith('/README.md') && snippet.lang === 'ts',
);
// The repository README's TypeScript: the first code a visitor reads, compiled as it is.
const rootBlocks = codeBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).filter(
  (block) => block.lang === 'ts',
);

describe('the TypeScript blocks of the package READMEs', () => {
  it('should each be a run or a fragment with the declarations it needs', () => {
    const problems = readmeBlocks.flatMap((snippet) => {
      const snippetCase = DOC_SNIPPET_CASES[snippet.key];
      if (snippetCase?.kind === 'run') return [];
      if (snippetCase?.kind === 'fragment' && snippetCase.declares !== undefined) return [];
      return [`${snippet.key}: needs a run case or a fragment case with declares`];
    });
    expect(problems).toEqual([]);
    expect(readmeBlocks.length).toBeGreaterThanOrEqual(25);
  });

  it('should compile against the real packages', () => {
    const dir = mkdtempSync(path.join(EXAMPLES_DIR, '.readme-types-'));
    try {
      const files = new Map<string, string>();
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
