import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startOtlpReceiver } from './receiver.js';
import type { OtlpReceiver } from './types.js';

const run = promisify(execFile);

/** Options of {@link installPacked}. */
export interface InstallPackedOptions {
  /**
   * Directories of the workspace packages under test (built first: `pnpm build`). Each is packed
   * with the workspace packages it depends on (its `dependencies` with a `workspace:` range, and
   * theirs, found where Node resolves them from its folder); an optional peer is packed only when
   * named here. `pnpm pack` turns their `workspace:` and `catalog:` ranges into the versions a
   * published package would name.
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

/**
 * An empty app folder with the packed packages installed by npm or pnpm, as a user would have it,
 * and a receiver for what the app sends.
 */
export interface InstalledApp {
  /** The app folder; its node_modules holds the installed packages. */
  readonly dir: string;
  /** A receiver of its own on 127.0.0.1 (free ports), stopped by {@link InstalledApp.remove}. */
  readonly receiver: OtlpReceiver;
  /** Writes a file (e.g. a script) into the app folder and returns its path. */
  write(name: string, text: string): string;
  /** Runs `node ...args` in the app folder with only `env` (and PATH); never rejects. */
  node(
    args: readonly string[],
    env?: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Stops the receiver and deletes the folder. */
  remove(): Promise<void>;
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

function readManifest(packageDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Manifest;
}

/** `packageDirs` and, transitively, the workspace packages their `dependencies` name. */
function withWorkspaceDependencies(packageDirs: readonly string[]): Map<string, Manifest> {
  const found = new Map<string, Manifest>();
  const visit = (packageDir: string) => {
    if (found.has(packageDir)) return;
    const manifest = readManifest(packageDir);
    found.set(packageDir, manifest);
    const requireFrom = createRequire(path.join(packageDir, 'package.json'));
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (range.startsWith('workspace:')) {
        visit(path.dirname(requireFrom.resolve(`${name}/package.json`)));
      }
    }
  };
  for (const packageDir of packageDirs) visit(path.resolve(packageDir));
  return found;
}

/**
 * Packs workspace packages with `pnpm pack` (the given ones and the workspace packages they
 * depend on) and installs the tarballs with `npm install` (or `pnpm install`, see
 * `packageManager`) in an empty temporary folder: what a user of the published packages gets,
 * with no workspace links, no hoisting from the monorepo and only the dependencies the packages
 * declare. The third-party packages come from npm's cache or the registry. A receiver is started
 * beside the app; `remove()` stops it and deletes the folder.
 *
 * @example
 * let app: InstalledApp;
 * beforeAll(async () => {
 *   app = await installPacked({ packages: [path.resolve(__dirname, '..')] });
 * }, 300_000);
 * afterAll(() => app?.remove());
 */
export async function installPacked(options: InstallPackedOptions): Promise<InstalledApp> {
  const timeout = options.timeoutMillis ?? 240_000;
  const receiver = await startOtlpReceiver();
  const dir = mkdtempSync(path.join(tmpdir(), 'installed-app-'));
  try {
    const packs = path.join(dir, 'packs');
    const dependencies: Record<string, string> = { ...options.dependencies };
    for (const [packageDir, manifest] of withWorkspaceDependencies(options.packages)) {
      const { stdout } = await run('pnpm', ['pack', '--pack-destination', packs], {
        cwd: packageDir,
        timeout,
      });
      const tarball = stdout.trim().split('\n').pop() ?? '';
      dependencies[manifest.name] = `file:${tarball}`;
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
    await receiver.stop();
    throw error;
  }
  return {
    dir,
    receiver,
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
    async remove() {
      rmSync(dir, { recursive: true, force: true });
      await receiver.stop();
    },
  };
}
