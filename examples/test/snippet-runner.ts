// Runs a docs snippet in the packed install: the SnippetRun a case of doc-snippet-cases.ts gets.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type InstalledApp, waitFor } from '@proc/telemetry-testing';
import ts from 'typescript';
import type { BackgroundProcess, ProcessResult, SnippetRun } from './doc-snippet-cases.js';
import type { DocSnippet } from './doc-snippets.js';

/** Longest a snippet's process may run: then its process group is killed and the case fails. */
const PROCESS_TIMEOUT_MILLIS = 60_000;

/** The code as an ES module: TypeScript's types removed, nothing else changed. */
function stripTypes(body: string): string {
  return ts.transpileModule(body, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

/** A process in a group of its own, so a signal reaches what it started too (npx's node, jest's workers). */
interface Started {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly ended: Promise<ProcessResult>;
  hasEnded(): boolean;
  signalGroup(signal: NodeJS.Signals): void;
}

function start(command: string, args: string[], cwd: string, env: Record<string, string>): Started {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group has ended already.
    }
  };
  const deadline = setTimeout(() => signalGroup('SIGKILL'), PROCESS_TIMEOUT_MILLIS);
  const ended = new Promise<ProcessResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    ended,
    hasEnded: () => child.exitCode !== null || child.signalCode !== null,
    signalGroup,
  };
}

export function createSnippetRun(
  app: InstalledApp,
  packageManager: 'npm' | 'pnpm',
  snippet: DocSnippet,
  all: readonly DocSnippet[],
): SnippetRun {
  const shellEnv = (env: Record<string, string>) => ({
    PATH: `${path.join(app.dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? app.dir,
    ...env,
  });
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(app.dir, name)), { recursive: true });
    return app.write(name, text);
  };
  const { receiver } = app;
  return {
    app,
    packageManager,
    receiver,
    snippet,
    snippetOf(key) {
      const found = all.find((candidate) => candidate.key === key);
      if (!found) throw new Error(`no docs snippet ${key}`);
      return found;
    },
    script: (name = `${snippet.key.replace(/[#/]/g, '-')}.mjs`, body = snippet.body) =>
      write(name, stripTypes(body)),
    write,
    node: (file, env = {}) =>
      start(process.execPath, [file], app.dir, {
        PATH: process.env.PATH ?? '',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
        ...env,
      }).ended,
    shell: (command, env = {}) => start('sh', ['-c', command], app.dir, shellEnv(env)).ended,
    background(command, env = {}): BackgroundProcess {
      // `exec`: no shell of the test's own between the signal and the command, as in a terminal;
      // `env`, so that a command may start with variable assignments (`A=1 node app.js`).
      const started = start('sh', ['-c', `exec env ${command}`], app.dir, shellEnv(env));
      return {
        stdout: started.stdout,
        async waitForOutput(pattern, timeoutMillis = 20_000) {
          try {
            return await waitFor(
              `${command} to print ${pattern}`,
              () => {
                const match = pattern.exec(started.stdout());
                if (!match && started.hasEnded()) throw new Error(`${command} has ended`);
                return match ?? undefined;
              },
              { timeoutMs: timeoutMillis },
            );
          } catch (error) {
            throw new Error(
              `${String(error)}\nstdout:\n${started.stdout()}\nstderr:\n${started.stderr()}`,
            );
          }
        },
        async stop(signal = 'SIGTERM') {
          started.signalGroup(signal);
          return started.ended;
        },
      };
    },
  };
}
