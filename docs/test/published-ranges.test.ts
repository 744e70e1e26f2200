import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// What `pnpm pack` publishes is each dependency as written in the catalog: a package's runtime
// dependencies must be ranges a user's own copies dedupe with (`^…`), never exact versions, and
// come from the catalog (one version of each library in the repository). The lockfile keeps CI on
// the exact versions.

const ROOT = path.resolve(__dirname, '../..');
const workspace = parse(readFileSync(path.join(ROOT, 'pnpm-workspace.yaml'), 'utf8')) as {
  catalog: Record<string, string>;
  catalogs: Record<string, Record<string, string>>;
};

/** The range `catalog:` or `catalog:<name>` stands for, or undefined when the catalog lacks it. */
function catalogRange(name: string, specifier: string): string | undefined {
  const catalogName = specifier.slice('catalog:'.length);
  const catalog = catalogName === '' ? workspace.catalog : workspace.catalogs[catalogName];
  return catalog?.[name];
}

const published = readdirSync(path.join(ROOT, 'packages')).map((dir) => {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, 'packages', dir, 'package.json'), 'utf8'),
  ) as { name: string; private?: boolean; dependencies?: Record<string, string> };
  return manifest;
});

describe('dependencies of the published packages', () => {
  it('should find the published packages', () => {
    expect(published.filter((pkg) => pkg.private !== true).length).toBeGreaterThanOrEqual(12);
  });

  it('should take every runtime dependency from the catalog or the workspace, as a caret range', () => {
    const offenders: string[] = [];
    for (const pkg of published.filter((manifest) => manifest.private !== true)) {
      for (const [name, specifier] of Object.entries(pkg.dependencies ?? {})) {
        if (specifier === 'workspace:^') continue;
        const range = specifier.startsWith('catalog:') ? catalogRange(name, specifier) : undefined;
        if (range === undefined || !range.startsWith('^')) {
          offenders.push(`${pkg.name}: ${name} ${specifier}${range ? ` (${range})` : ''}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
