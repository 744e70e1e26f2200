// Every code block of docs/ a user copies is marked with how it is checked, and the marks and the
// cases of doc-snippet-cases.ts agree: a new snippet cannot go unrun or unexplained.
import { DOC_SNIPPET_CASES } from './doc-snippet-cases.js';
import { docSnippets } from './doc-snippets.js';
import { importedPackages, installedBy, readmeOf } from './quick-starts.js';

const snippets = docSnippets();

describe('the snippets of docs/ and the package READMEs', () => {
  it('should each be marked <!-- snippet: run|install|fragment <id> --> on the line before the fence', () => {
    expect(
      snippets.filter((snippet) => snippet.kind === undefined).map((snippet) => snippet.key),
    ).toEqual([]);
  });

  it('should have ids unique within their page', () => {
    const keys = snippets.map((snippet) => snippet.key);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('should each have a case of the kind its marker says', () => {
    const mismatched = snippets
      .filter((snippet) => DOC_SNIPPET_CASES[snippet.key]?.kind !== snippet.kind)
      .map(
        (snippet) =>
          `${snippet.key}: marked ${snippet.kind}, case ${DOC_SNIPPET_CASES[snippet.key]?.kind}`,
      );
    expect(mismatched).toEqual([]);
  });

  it('should have no case for a snippet that is gone', () => {
    const keys = new Set(snippets.map((snippet) => snippet.key));
    expect(Object.keys(DOC_SNIPPET_CASES).filter((key) => !keys.has(key))).toEqual([]);
  });

  it('should name, for a snippet run by another case, a snippet whose case runs', () => {
    const keys = new Set(snippets.map((snippet) => snippet.key));
    for (const [key, snippetCase] of Object.entries(DOC_SNIPPET_CASES)) {
      if (!('runsWith' in snippetCase)) continue;
      const other = DOC_SNIPPET_CASES[snippetCase.runsWith];
      expect([key, keys.has(snippetCase.runsWith), other !== undefined && 'run' in other]).toEqual([
        key,
        true,
        true,
      ]);
    }
  });

  it('should run most of them', () => {
    const run = snippets.filter((snippet) => snippet.kind === 'run').length;
    expect(run).toBeGreaterThan(snippets.length / 2);
  });

  it('should install with npm install or pnpm add in each install snippet', () => {
    for (const snippet of snippets.filter((candidate) => candidate.kind === 'install')) {
      expect([snippet.key, snippet.body]).toEqual([
        snippet.key,
        expect.stringMatching(/^(npm install|pnpm add) \S/),
      ]);
    }
  });

  it('should install, in the README, every package a README snippet imports', () => {
    const missing: string[] = [];
    for (const snippet of snippets.filter((candidate) => candidate.page.endsWith('/README.md'))) {
      const readme = readmeOf(snippet.page.replace('/README.md', ''));
      // The install line and the optional peers the text tells to add (`npm install <name>`).
      const installed = new Set(
        [...readme.matchAll(/npm install [^`\n]+/g)].flatMap(([line]) => [
          ...installedBy(line).keys(),
        ]),
      );
      for (const name of importedPackages(snippet.body)) {
        const pkg = name.startsWith('@proc/telemetry/') ? '@proc/telemetry' : name;
        if (!installed.has(pkg)) missing.push(`${snippet.key}: ${pkg}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
