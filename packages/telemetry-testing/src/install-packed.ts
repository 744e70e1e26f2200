import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Options of {@link installPacked}. */
export interface InstallPackedOptions {
  /**
   * Directories of the workspace packages to pack (built first: `pnpm build`), the package under
   * test and the workspace packages it depends on. `pnpm pack` turns their `workspace:` and
   * `catalog:` ranges into the versions a published package would name.
   */
  packages: readonly string[];
  /** Registry packages the app itself depends on (e.g. `@opentelemetry/api`, `pino`), exact versions. */
  dependencies?: Record<string, string>;
  /** Deadline of packing and installing, in milliseconds. Default 240000. */
  timeoutMillis?: number;
  /**
   * The client that installs the tarballs: `npm` (default, a flat `node_modules`) or `pnpm` (an
   * isolated one, where a package sees only what it declares). The pnpm app allows no build
   * scripts (`allowBuilds`), as the READMEs tell pnpm users to.
   */
  packageManager?: 'npm' | 'pnpm';
  /**
   * More packages whose install scripts the pnpm app denies in `allowBuilds` (as a user must, or
   * pnpm 10+ stops with `ERR_PNPM_IGNORED_BUILDS`), e.g. `@parcel/watcher` for an app with jest.
   * protobufjs is always denied. npm runs install scripts and ignores this.
   */
  deniedBuilds?: readonly string[];
}

/** An empty app folder with the packed packages installed by npm or pnpm, as a user would have it. */
export interface InstalledApp {
  /** The app folder; its node_modules holds the installed packages. */
  readonly dir: string;
  /** Writes a file (e.g. a script) into the app folder and returns its path. */
  write(name: string, text: string): string;
  /** Runs `node ...args` in the app folder with only `env` (and PATH); never rejects. */
  node(
    args: readonly string[],
    env?: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Deletes the folder. */
  remove(): void;
}

/**
 * Packs workspace packages with `pnpm pack` and installs the tarballs with `npm install` (or
 * `pnpm install`, see `packageManager`) in an
 * empty temporary folder: what a user of the published packages gets, with no workspace links,
 * no hoisting from the monorepo and only the dependencies the packages declare. The third-party
 * packages come from npm's cache or the registry.
 */
export async function installPacked(options: InstallPackedOptions): Promise<InstalledApp> {
  const timeout = options.timeoutMillis ?? 240_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'installed-app-'));
  try {
    const packs = path.join(dir, 'packs');
    const dependencies: Record<string, string> = { ...options.dependencies };
    for (const packageDir of options.packages) {
      const { stdout } = await run('pnpm', ['pack', '--pack-destination', packs], {
        cwd: packageDir,
        timeout,
      });
      const tarball = stdout.trim().split('\n').pop() ?? '';
      const manifest = readFileSync(path.join(packageDir, 'package.json'), 'utf8');
      const name = (JSON.parse(manifest) as { name: string }).name;
      dependencies[name] = `file:${tarball}`;
    }
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'installed-app', private: true, version: '1.0.0', dependencies }),
    );
    if (options.packageManager === 'pnpm') {
      // protobufjs' postinstall only checks its dependants' version scheme: nothing to build.
      // The tarballs name each other by version: point those at the tarballs too (npm's flat
      // install dedupes them with the app's own dependencies; pnpm resolves each one).
      const overrides = Object.entries(dependencies)
        .filter(([, spec]) => spec.startsWith('file:'))
        .map(([name, spec]) => `  "${name}": "${spec}"\n`)
        .join('');
      const denied = ['protobufjs', ...(options.deniedBuilds ?? [])]
        .map((name) => `  "${name}": false\n`)
        .join('');
      writeFileSync(
        path.join(dir, 'pnpm-workspace.yaml'),
        `allowBuilds:\n${denied}overrides:\n${overrides}`,
      );
      await run('pnpm', ['install', '--prefer-offline', '--config.confirmModulesPurge=false'], {
        cwd: dir,
        timeout,
        env: { ...process.env, CI: 'true' },
      });
    } else {
      await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: dir,
        timeout,
      });
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    write(name, text) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    async node(args, env = {}) {
      try {
        const { stdout, stderr } = await run(process.execPath, [...args], {
          cwd: dir,
          timeout: 60_000,
          env: { PATH: process.env.PATH ?? '', ...env },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return {
          code: typeof failed.code === 'number' ? failed.code : 1,
          stdout: failed.stdout ?? '',
          stderr: failed.stderr ?? String(error),
        };
      }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
