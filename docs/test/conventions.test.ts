import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// CONTRIBUTING.md "Errors", checked over every package's source: a thrown message starts with
// the name of the package that throws (`@proc/telemetry-metrics: ...`), and diag goes through
// the package's src/internal/diag.ts component logger, whose namespace is the package name.

const PACKAGES_DIR = path.resolve(__dirname, '../../packages');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

const packages = readdirSync(PACKAGES_DIR).map((dir) => {
  const root = path.join(PACKAGES_DIR, dir);
  const { name } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
  };
  return { name, root, files: sourceFiles(path.join(root, 'src')) };
});

/**
 * `throw new XError(` followed by its first argument, up to the first string's start. Commander's
 * `InvalidArgumentError` is left out: commander prints it after the option it is about.
 */
const THROW = /throw new (?!InvalidArgumentError)([A-Za-z]*Error)\(\s*([`'"])([^`'"]*)/g;

describe('CONTRIBUTING conventions over packages/*/src', () => {
  it('should find the packages and their sources', () => {
    expect(packages.length).toBeGreaterThanOrEqual(12);
    expect(packages.every((pkg) => pkg.files.length > 0)).toBe(true);
  });

  it('should start every thrown message with the name of the package that throws', () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const pkg of packages) {
      for (const file of pkg.files) {
        const text = readFileSync(file, 'utf8');
        for (const [whole, , , start] of text.matchAll(THROW)) {
          checked++;
          if (!start!.startsWith(`${pkg.name}: `)) {
            offenders.push(`${path.relative(PACKAGES_DIR, file)}: ${whole}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });

  it('should log diag only through a component logger named after the package', () => {
    const offenders: string[] = [];
    for (const pkg of packages) {
      for (const file of pkg.files) {
        const text = readFileSync(file, 'utf8');
        for (const [call] of text.matchAll(/diag\.(?:error|warn|info|debug|verbose)\(/g)) {
          offenders.push(`${path.relative(PACKAGES_DIR, file)}: ${call}`);
        }
        for (const [, namespace] of text.matchAll(
          /createComponentLogger\(\{ namespace: '([^']+)'/g,
        )) {
          if (namespace !== pkg.name)
            offenders.push(`${path.relative(PACKAGES_DIR, file)}: ${namespace}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
