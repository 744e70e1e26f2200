// The code blocks a user copies, from the guide (docs/*.md) and from each package README: each is
// marked in its page by the line before its fence, `<!-- snippet: <kind> <id> -->`, and its case
// in doc-snippet-cases.ts says how the packed-install test runs it (kind `run`), which packages the
// packed install must hold for it (`install`), or why it cannot run on its own (`fragment`). A
// README's install line and quick start are not collected: readme.test.ts keeps them equal to
// examples/<package>/quick-start.mjs and packed.wire.test.ts runs that file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { codeBlocks, QUICK_STARTS, ROOT, readmeOf } from './quick-starts.js';

export const DOCS_DIR = path.join(ROOT, 'docs');

/** Languages of the blocks a user runs or copies; `text` (output) and diagrams are neither. */
export const SNIPPET_LANGS = ['ts', 'js', 'sh', 'yaml'] as const;

/** How a marked snippet is checked. */
export type SnippetKind = 'run' | 'install' | 'fragment';

/** One code block of a docs page or a package README, with its marker. */
export interface DocSnippet {
  /**
   * `<page>#<id>`, e.g. `getting-started.md#first-span` (docs/) or
   * `telemetry-metrics/README.md#usage` (packages/); `<page>:<line>` when unmarked.
   */
  key: string;
  /** The page under docs/ (`getting-started.md`), or `<package>/README.md` under packages/. */
  page: string;
  /** The marker's kind, or `undefined` when the block has no marker. */
  kind: SnippetKind | undefined;
  lang: string;
  body: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

const MARKER = /^<!-- snippet: (run|install|fragment) ([a-z0-9-]+) -->$/;

/** The blocks in SNIPPET_LANGS of one page, in order, but the first `skipped` blocks of any language. */
function snippetsOf(page: string, text: string, skipped: number): DocSnippet[] {
  const snippets: DocSnippet[] = [];
  let index = 0;
  for (const match of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    if (index++ < skipped) continue;
    const lang = match[1] ?? '';
    if (!(SNIPPET_LANGS as readonly string[]).includes(lang)) continue;
    const before = text.slice(0, match.index).split('\n');
    const line = before.length;
    const marker = MARKER.exec(before[before.length - 2] ?? '');
    snippets.push({
      key: marker ? `${page}#${marker[2]}` : `${page}:${line}`,
      page,
      kind: marker?.[1] as SnippetKind | undefined,
      lang,
      body: match[2] ?? '',
      line,
    });
  }
  return snippets;
}

/**
 * How many blocks open a README with its install line and quick start: the `sh` install block,
 * then the quick start, the first block in another language (as readme.test.ts checks them).
 */
function quickStartBlocks(readme: string): number {
  return codeBlocks(readme).findIndex((block) => block.lang !== 'sh') + 1;
}

/** Every block in SNIPPET_LANGS of every page of docs/, then of every package README, in order. */
export function docSnippets(): DocSnippet[] {
  const pages = readdirSync(DOCS_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const fromDocs = pages.flatMap((page) =>
    snippetsOf(page, readFileSync(path.join(DOCS_DIR, page), 'utf8'), 0),
  );
  const fromReadmes = QUICK_STARTS.map(({ dir }) => dir)
    .sort()
    .flatMap((dir) => {
      const readme = readmeOf(dir);
      return snippetsOf(`${dir}/README.md`, readme, quickStartBlocks(readme));
    });
  return [...fromDocs, ...fromReadmes];
}
