// Each README's quick start and each runnable snippet of docs/ and the READMEs as a user runs
// them: every package packed (`pnpm pack`), the tarballs installed in an empty folder by npm and
// by pnpm with the registry packages the install lines name, then `node quick-start.mjs` (and
// each run case of doc-snippet-cases.ts) against the testing receiver. Each must exit by itself
// (or by the signal its page stops it with), say what it did and deliver it. One install per
// package manager serves every case. The npm tree also holds a user's own sdk-trace-base@^2.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SpanKind } from '@opentelemetry/api';
import {
  freePort,
  type InstalledApp,
  installPacked,
  type OtlpReceiver,
} from '@proc/telemetry-testing';
import { DOC_SNIPPET_CASES } from './doc-snippet-cases.js';
import { docSnippets } from './doc-snippets.js';
import {
  installedBy,
  installLineOf,
  QUICK_STARTS,
  type QuickStart,
  quickStartOf,
  ROOT,
  readmeOf,
} from './quick-starts.js';
import { createSnippetRun } from './snippet-runner.js';

const run = promisify(execFile);

const PACKAGES = readdirSync(path.join(ROOT, 'packages')).map((dir) =>
  path.join(ROOT, 'packages', dir),
);

const SNIPPETS = docSnippets();
const RUN_SNIPPETS = SNIPPETS.filter((snippet) => {
  const snippetCase = DOC_SNIPPET_CASES[snippet.key];
  return snippetCase?.kind === 'run' && 'run' in snippetCase;
});
const INSTALL_LINES = [
  ...QUICK_STARTS.map(({ dir }) => installLineOf(readmeOf(dir))),
  ...SNIPPETS.filter((snippet) => snippet.kind === 'install').map((snippet) => snippet.body.trim()),
];

/** The version of a package this repository tests with (a devDependency of `manifest`). */
function testedVersion(manifest: string, name: string): string {
  const { devDependencies } = JSON.parse(readFileSync(path.join(ROOT, manifest), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const version = devDependencies[name];
  if (!version) throw new Error(`${manifest} has no devDependency ${name}`);
  return version;
}

/**
 * The registry packages the install lines name (the @proc ones are the tarballs), and what the
 * docs snippets run with besides: jest (testing.md's test) and pino (the apps of logs.md and
 * zero-code.md), at the versions this repository tests with.
 */
function registryDependencies(): Record<string, string> {
  const dependencies: Record<string, string> = {
    jest: testedVersion('package.json', 'jest'),
    pino: testedVersion('packages/telemetry/package.json', 'pino'),
  };
  for (const line of INSTALL_LINES) {
    for (const [name, range] of installedBy(line)) {
      if (!name.startsWith('@proc/')) dependencies[name] = range || '*';
    }
  }
  return dependencies;
}

/** A finished run of a quick start: what it printed, and how to run it again with other env. */
interface QuickStartRun {
  receiver: OtlpReceiver;
  stdout: string;
  /** Runs the same file again with `env` over the test's; resolves with the process's result. */
  runAgain(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** What each quick start must print and deliver. */
const EXPECTED: Record<string, (run: QuickStartRun) => Promise<void>> = {
  telemetry: async ({ receiver, stdout }) => {
    expect(stdout).toContain('sent 1 span and 1 counter');
    const [span] = await receiver.waitForSpans(1, { name: 'enrich order' });
    expect(span?.attributes['order.id']).toBe('o-1');
    expect(span?.resource['service.name']).toBe('order-enricher');
    expect(await receiver.waitForMetric('orders.enriched')).toEqual([
      expect.objectContaining({ value: 1 }),
    ]);
  },
  'telemetry-tracing': async ({ receiver, stdout }) => {
    expect(stdout).toContain('total 6, user Ada: 2 spans sent');
    const spans = await receiver.waitForSpans(2);
    expect(spans.map((span) => span.name).sort()).toEqual(['load-user', 'sum-values']);
    expect(spans[0]?.resource['service.name']).toBe('tracing-quick-start');
  },
  'telemetry-metrics': async ({ receiver, stdout }) => {
    expect(stdout).toContain('metrics sent');
    const [point] = await receiver.waitForMetric('processor.events.processed');
    expect(point).toMatchObject({ value: 1 });
    expect(point?.resource['service.name']).toBe('metrics-quick-start');
    expect(await receiver.waitForMetric('processor.processing.duration')).toHaveLength(1);
  },
  'telemetry-context': async ({ stdout }) => {
    expect(stdout).toContain('traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(stdout).toContain('trace id 4bf92f3577b34da6a3ce929d0e0e4736');
    expect(stdout).toContain('"key":"tenant","value":"acme"');
  },
  'telemetry-config': async ({ receiver, stdout }) => {
    expect(stdout).toContain('service order-enricher');
    expect(stdout).toContain(`traces to ${receiver.httpUrl}/v1/traces over http/protobuf`);
    expect(stdout).toContain('endpoint from env:OTEL_EXPORTER_OTLP_ENDPOINT');
  },
  'telemetry-resource': async ({ stdout }) => {
    expect(stdout).toContain('service.name order-enricher');
    expect(stdout).toContain('deployment.environment.name production');
    expect(stdout).toContain('host.name string');
  },
  'telemetry-logs': async ({ receiver, stdout }) => {
    expect(stdout).toContain('log records exported: 1');
    const [record] = await receiver.waitForLogs(1, { body: 'payment retried' });
    expect(record?.attributes['order.id']).toBe('o-1');
    expect(record?.resource['service.name']).toBe('logs-quick-start');
  },
  'telemetry-otlp': async ({ receiver, stdout }) => {
    expect(stdout).toContain('outcome: delivered');
    expect(stdout).toContain(`delivered 1 span to ${receiver.httpUrl}/v1/traces`);
    const [span] = await receiver.waitForSpans(1, { name: 'send by hand' });
    expect(span).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      protocol: 'http/json',
      scope: { name: 'otlp-quick-start' },
      resource: { 'service.name': 'otlp-quick-start' },
    });
  },
  'telemetry-lifecycle': async ({ receiver, stdout }) => {
    expect(stdout).toContain('shutdown done (deadline 5000 ms) | second call, same result: true');
    const [span] = await receiver.waitForSpans(1, { name: 'bounded work' });
    expect(span?.scope.name).toBe('lifecycle-quick-start');
  },
  'telemetry-semconv': async ({ receiver, stdout }) => {
    expect(stdout).toContain('sent a span with processor.event.type=order');
    const [span] = await receiver.waitForSpans(1, { name: 'process orders' });
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.attributes).toEqual({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'orders',
      'messaging.destination.partition.id': '3',
      'messaging.kafka.offset': 1042,
      'processor.event.type': 'order',
    });
  },
  'telemetry-doctor': async ({ receiver, stdout, runAgain }) => {
    // Against the live receiver: one probe per signal, each delivered.
    for (const signal of ['traces', 'metrics', 'logs']) {
      expect(stdout).toContain(`ok ${signal} (delivered): ${receiver.httpUrl}/v1/${signal}`);
    }
    const [probe] = await receiver.waitForSpans(1, { name: 'proc-telemetry doctor' });
    expect(probe?.resource['service.name']).toBe('doctor-quick-start');
    expect(await receiver.waitForMetric('proc_telemetry.doctor.probe')).toHaveLength(1);
    expect(await receiver.waitForLogs(1)).toHaveLength(1);

    // Against a port where nothing listens: every signal fails, named, and the exit code says so.
    receiver.clear();
    const closed = `http://127.0.0.1:${await freePort()}`;
    const failed = await runAgain({ OTEL_EXPORTER_OTLP_ENDPOINT: closed });
    expect(failed).toMatchObject({ code: 1, stderr: '' });
    for (const signal of ['traces', 'metrics', 'logs']) {
      expect(failed.stdout).toContain(`FAIL ${signal} (connection_refused): nothing listens on`);
    }
    expect(failed.stdout).toContain(
      'fix: start the collector, or point OTEL_EXPORTER_OTLP_ENDPOINT',
    );
    expect(receiver.spans()).toEqual([]);
  },
  'telemetry-instrumentations': async ({ receiver, stdout }) => {
    expect(stdout).toContain('GET /orders: 200, a client and a server span sent');
    await receiver.waitForSpans(2);
    // The two spans of the request, and none of the OTLP export that carried them.
    const spans = receiver.spans();
    expect(spans.map((span) => [span.name, span.kind]).sort()).toEqual([
      ['GET', SpanKind.SERVER],
      ['GET', SpanKind.CLIENT],
    ]);
    const client = spans.find((span) => span.kind === SpanKind.CLIENT);
    expect(client?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.full': expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/orders$/),
      'http.response.status_code': 200,
    });
    expect(client?.scope.name).toBe('@opentelemetry/instrumentation-http');
    const server = spans.find((span) => span.kind === SpanKind.SERVER);
    expect(server?.attributes).toMatchObject({
      'url.path': '/orders',
      'http.response.status_code': 200,
    });
    expect(server?.resource['service.name']).toBe('instrumentations-quick-start');
  },
  'telemetry-testing': async ({ stdout }) => {
    expect(stdout).toMatch(/^received checkout trace [0-9a-f]{32}$/m);
  },
};

async function runQuickStart(app: InstalledApp, quickStart: QuickStart) {
  const { receiver } = app;
  receiver.clear();
  const file = app.write(`${quickStart.dir}.mjs`, quickStartOf(quickStart.dir));
  const env = {
    OTEL_SERVICE_NAME: quickStart.serviceName,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_LOG_LEVEL: 'warn',
  };
  const result = await app.node([file], env);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  const expected = EXPECTED[quickStart.dir];
  if (!expected)
    throw new Error(`no expectations for the quick start of packages/${quickStart.dir}`);
  await expected({
    receiver,
    stdout: result.stdout,
    runAgain: (overrides) => app.node([file], { ...env, ...overrides }),
  });
}

describe.each(['npm', 'pnpm'] as const)(
  'the quick starts installed from the tarballs by %s',
  (packageManager) => {
    let app: InstalledApp;

    beforeAll(async () => {
      app = await installPacked({
        packages: PACKAGES,
        dependencies: { ...registryDependencies(), '@opentelemetry/sdk-trace-base': '^2' },
        packageManager,
        // jest's file watcher: its install script is a fallback build, as a pnpm user denies it.
        deniedBuilds: ['@parcel/watcher'],
      });
    }, 400_000);

    afterAll(() => app?.remove());

    if (packageManager === 'npm') {
      // First, on the tree as installed: the metrics README's Prometheus case adds the optional
      // exporter to it, as a user would.
      // A user's sdk-trace-base@^2 resolves to the newest 2.x; our caret ranges follow it. The
      // OpenTelemetry packages that had no patch release (exporter-prometheus, instrumentation-*,
      // propagator-b3/jaeger at 0.223.0/2.12.0) pin their own dependencies exactly and keep a
      // nested older copy: those are allowed, and only those.
      it("should hold one copy of each OpenTelemetry package our packages depend on, next to the user's sdk-trace-base@^2", async () => {
        const { stdout } = await run('npm', ['ls', '--all', '--json', '--long'], {
          cwd: app.dir,
          timeout: 60_000,
          maxBuffer: 256 * 1024 * 1024,
        });
        interface Node {
          version?: string;
          dependencies?: Record<string, Node>;
          _dependencies?: Record<string, string>;
        }
        const root = JSON.parse(stdout) as Node;
        // The hoisted copy (node_modules/<name>), the one the app and most packages load.
        const topVersion = (name: string): string | undefined => {
          const manifest = path.join(app.dir, 'node_modules', name, 'package.json');
          if (!existsSync(manifest)) return undefined;
          return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
        };
        const ours: string[] = [];
        const pinnedUpstream = new Set<string>();
        const walk = (parentName: string, parent: Node) => {
          for (const [name, node] of Object.entries(parent.dependencies ?? {})) {
            const top = topVersion(name);
            if (name.startsWith('@opentelemetry/') && node.version && node.version !== top) {
              const declared = parent._dependencies?.[name] ?? '';
              const entry = `${parentName} > ${name}@${node.version} (declares ${declared}, hoisted ${top})`;
              if (parentName.startsWith('@proc/') || declared !== node.version) ours.push(entry);
              else pinnedUpstream.add(entry);
            }
            walk(name, node);
          }
        };
        walk('installed-app', root);
        const hoisted = readdirSync(path.join(app.dir, 'node_modules', '@opentelemetry'));
        expect(hoisted.length).toBeGreaterThan(10);
        expect(topVersion('@opentelemetry/sdk-trace-base')).toMatch(/^2\./);
        expect(ours).toEqual([]);
        // For the record: what upstream's exact pins still duplicate.
        process.stdout.write(`upstream exact pins: ${[...pinnedUpstream].join('; ')}\n`);
      }, 90_000);
    }

    it.each(QUICK_STARTS)(
      'should run the quick start of packages/$dir and exit',
      async (quickStart) => {
        await runQuickStart(app, quickStart);
      },
      90_000,
    );

    it.each(RUN_SNIPPETS.map((snippet) => [snippet.key, snippet] as const))(
      'should run the snippet %s as its page says',
      async (key, snippet) => {
        const snippetCase = DOC_SNIPPET_CASES[key];
        if (!snippetCase || !('run' in snippetCase)) throw new Error(`${key} has no run case`);
        app.receiver.clear();
        await snippetCase.run(createSnippetRun(app, packageManager, snippet, SNIPPETS));
      },
      120_000,
    );

    it('should hold every package the install lines of docs/ and the READMEs name', () => {
      const installed = JSON.parse(readFileSync(path.join(app.dir, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      const named = SNIPPETS.filter((snippet) => snippet.kind === 'install').flatMap((snippet) => [
        ...installedBy(snippet.body.trim()).keys(),
      ]);
      expect(named.length).toBeGreaterThan(1);
      for (const name of named) {
        expect([
          name,
          existsSync(path.join(app.dir, 'node_modules', name, 'package.json')),
        ]).toEqual([name, true]);
        expect(Object.keys(installed.dependencies)).toContain(name);
      }
    });

    it('should ship the LICENSE and source maps that carry their sources in every package', () => {
      const scope = path.join(app.dir, 'node_modules', '@proc');
      const installed = readdirSync(scope);
      expect(installed).toHaveLength(PACKAGES.length);
      for (const name of installed) {
        const dir = path.join(scope, name);
        expect([name, readFileSync(path.join(dir, 'LICENSE'), 'utf8')]).toEqual([
          name,
          expect.stringContaining('Apache License'),
        ]);
        for (const format of ['cjs', 'esm']) {
          const map = JSON.parse(
            readFileSync(path.join(dir, 'dist', format, 'index.js.map'), 'utf8'),
          ) as { sourcesContent?: string[] };
          // The index's own TypeScript, inline: src/ is not in the tarball.
          expect([name, format, map.sourcesContent?.[0]?.includes('export ')]).toEqual([
            name,
            format,
            true,
          ]);
        }
      }
    });

    // docs/getting-started.md's "see it arrive" command, outside the monorepo.
    it('should have the otlp-receiver command that getting-started runs with npx', async () => {
      const { stdout } = await run('npx', ['--no-install', 'otlp-receiver', '--help'], {
        cwd: app.dir,
        timeout: 60_000,
      });
      expect(stdout).toContain('otlp-receiver');
      expect(stdout).toContain('--grpc-port');
    }, 90_000);
  },
);
