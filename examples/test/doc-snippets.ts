// The code blocks of the guide (docs/*.md) a user copies: each is marked in the page by the line
// before its fence, `<!-- snippet: <kind> <id> -->`, and its case in doc-snippet-cases.ts says how
// the packed-install test runs it (kind `run`), which packages the packed install must hold for it
// (`install`), or why it cannot run on its own (`fragment`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './quick-starts.js';

export const DOCS_DIR = path.join(ROOT, 'docs');

/** Languages of the blocks a user runs or copies; `text` (output) and diagrams are neither. */
export const SNIPPET_LANGS = ['ts', 'js', 'sh', 'yaml'] as const;

/** How a marked snippet is checked. */
export type SnippetKind = 'run' | 'install' | 'fragment';

/** One code block of a docs page, with its marker. */
export interface DocSnippet {
  /** `<page>#<id>`, e.g. `getting-started.md#first-span`; `<page>:<line>` when unmarked. */
  key: string;
  page: string;
  /** The marker's kind, or `undefined` when the block has no marker. */
  kind: SnippetKind | undefined;
  lang: string;
  body: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

const MARKER = /^<!-- snippet: (run|install|fragment) ([a-z0-9-]+) -->$/;

/** Every block in SNIPPET_LANGS of every page of docs/, in page order. */
export function docSnippets(): DocSnippet[] {
  const snippets: DocSnippet[] = [];
  const pages = readdirSync(DOCS_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort();
  for (const page of pages) {
    const text = readFileSync(path.join(DOCS_DIR, page), 'utf8');
    for (const match of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
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
  }
  return snippets;
}
