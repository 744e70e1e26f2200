// Runs a docs snippet in the packed install: the SnippetRun a case of doc-snippet-cases.ts gets.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type InstalledApp, type OtlpReceiver, waitFor } from '@proc/telemetry-testing';
import ts from 'typescript';
import type { BackgroundProcess, ProcessResult, SnippetRun } from './doc-snippet-cases.js';
import type { DocSnippet } from './doc-snippets.js';

/** Longest a snippet's process may run: then it is killed and the case fails. */
const PROCESS_TIMEOUT_MILLIS = 60_000;

/** The code as an ES module: TypeScript's types removed, nothing else changed. */
function stripTypes(body: string): string {
  return ts.transpileModule(body, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

function settle(command: string, args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<ProcessResult>((resolve) => {
    execFile(
      command,
      args,
      { cwd, env, timeout: PROCESS_TIMEOUT_MILLIS },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: number | string; signal?: string }) | null;
        resolve({
          code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0,
          signal: failed?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });
}

export function createSnippetRun(
  app: InstalledApp,
  receiver: OtlpReceiver,
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
  return {
    app,
    receiver,
    snippet,
    snippetOf(key) {
      const found = all.find((candidate) => candidate.key === key);
      if (!found) throw new Error(`no docs snippet ${key}`);
      return found;
    },
    script: (name, body = snippet.body) => write(name, stripTypes(body)),
    write,
    node: (file, env = {}) =>
      settle(process.execPath, [file], app.dir, {
        PATH: process.env.PATH ?? '',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
        ...env,
      }),
    shell: (command, env = {}) => settle('sh', ['-c', command], app.dir, shellEnv(env)),
    background(command, env = {}): BackgroundProcess {
      // Its own process group, so that a signal reaches npx and the node it starts, as Ctrl-C in
      // a terminal would; `exec`, so that no shell of the test's own stands in between.
      const child = spawn('sh', ['-c', `exec ${command}`], {
        cwd: app.dir,
        env: shellEnv(env),
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
      const ended = new Promise<ProcessResult>((resolve) => {
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
      });
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, signal);
        } catch {
          // Already ended.
        }
      };
      const deadline = setTimeout(() => signalGroup('SIGKILL'), PROCESS_TIMEOUT_MILLIS);
      void ended.then(() => clearTimeout(deadline));
      return {
        stdout: () => stdout,
        async waitForOutput(pattern, timeoutMillis = 20_000) {
          try {
            return await waitFor(
              `${command} to print ${pattern}`,
              () => pattern.exec(stdout) ?? undefined,
              {
                timeoutMs: timeoutMillis,
              },
            );
          } catch (error) {
            throw new Error(`${String(error)}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
          }
        },
        async stop(signal = 'SIGTERM') {
          signalGroup(signal);
          return ended;
        },
      };
    },
  };
}
