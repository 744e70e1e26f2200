// Each README's quick start as a user runs it: every package packed (`pnpm pack`), the tarballs
// installed in an empty folder by npm and by pnpm with the registry packages the install lines
// name, then `node quick-start.mjs` against the testing receiver. It must exit by itself, say
// what it did and deliver it. The npm tree also holds a user's own sdk-trace-base@^2.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  type InstalledApp,
  installPacked,
  type OtlpReceiver,
  startOtlpReceiver,
} from '@proc/telemetry-testing';
import {
  installedBy,
  installLineOf,
  QUICK_STARTS,
  type QuickStart,
  quickStartOf,
  ROOT,
  readmeOf,
} from './quick-starts.js';

const run = promisify(execFile);

const PACKAGES = readdirSync(path.join(ROOT, 'packages')).map((dir) =>
  path.join(ROOT, 'packages', dir),
);

/** The registry packages the install lines name (the @proc ones are the tarballs). */
function registryDependencies(): Record<string, string> {
  const dependencies: Record<string, string> = {};
  for (const { dir } of QUICK_STARTS) {
    for (const [name, range] of installedBy(installLineOf(readmeOf(dir)))) {
      if (!name.startsWith('@proc/')) dependencies[name] = range || '*';
    }
  }
  return dependencies;
}

/** What each quick start must print and deliver. */
const EXPECTED: Record<string, (receiver: OtlpReceiver, stdout: string) => Promise<void>> = {
  telemetry: async (receiver, stdout) => {
    expect(stdout).toContain('sent 1 span and 1 counter');
    const [span] = await receiver.waitForSpans(1, { name: 'enrich order' });
    expect(span?.attributes['order.id']).toBe('o-1');
    expect(span?.resource['service.name']).toBe('order-enricher');
    expect(await receiver.waitForMetric('orders.enriched')).toEqual([
      expect.objectContaining({ value: 1 }),
    ]);
  },
  'telemetry-tracing': async (receiver, stdout) => {
    expect(stdout).toContain('total 6, user Ada: 2 spans sent');
    const spans = await receiver.waitForSpans(2);
    expect(spans.map((span) => span.name).sort()).toEqual(['load-user', 'sum-values']);
    expect(spans[0]?.resource['service.name']).toBe('tracing-quick-start');
  },
  'telemetry-metrics': async (receiver, stdout) => {
    expect(stdout).toContain('metrics sent');
    const [point] = await receiver.waitForMetric('processor.events.processed');
    expect(point).toMatchObject({ value: 1 });
    expect(point?.resource['service.name']).toBe('metrics-quick-start');
    expect(await receiver.waitForMetric('processor.processing.duration')).toHaveLength(1);
  },
  'telemetry-context': async (_receiver, stdout) => {
    expect(stdout).toContain('traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(stdout).toContain('trace id 4bf92f3577b34da6a3ce929d0e0e4736');
    expect(stdout).toContain('"key":"tenant","value":"acme"');
  },
  'telemetry-testing': async (_receiver, stdout) => {
    expect(stdout).toMatch(/^received checkout trace [0-9a-f]{32}$/m);
  },
};

async function runQuickStart(app: InstalledApp, receiver: OtlpReceiver, quickStart: QuickStart) {
  receiver.clear();
  const file = app.write(`${quickStart.dir}.mjs`, quickStartOf(quickStart.dir));
  const result = await app.node([file], {
    OTEL_SERVICE_NAME: quickStart.serviceName,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_LOG_LEVEL: 'warn',
  });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  await EXPECTED[quickStart.dir]?.(receiver, result.stdout);
}

describe.each(['npm', 'pnpm'] as const)(
  'the quick starts installed from the tarballs by %s',
  (packageManager) => {
    let app: InstalledApp;
    let receiver: OtlpReceiver;

    beforeAll(async () => {
      receiver = await startOtlpReceiver();
      app = await installPacked({
        packages: PACKAGES,
        dependencies: { ...registryDependencies(), '@opentelemetry/sdk-trace-base': '^2' },
        packageManager,
      });
    }, 400_000);

    afterAll(async () => {
      app?.remove();
      await receiver?.stop();
    });

    it.each(QUICK_STARTS)(
      'should run the quick start of packages/$dir and exit',
      async (quickStart) => {
        await runQuickStart(app, receiver, quickStart);
      },
      90_000,
    );

    if (packageManager === 'npm') {
      it("should hold one copy of each OpenTelemetry package next to the user's sdk-trace-base@^2", async () => {
        const { stdout } = await run('npm', ['ls', '--all', '--json'], {
          cwd: app.dir,
          timeout: 60_000,
          maxBuffer: 64 * 1024 * 1024,
        });
        const versions = new Map<string, Set<string>>();
        const walk = (deps: Record<string, { version?: string; dependencies?: object }> = {}) => {
          for (const [name, dep] of Object.entries(deps)) {
            if (name.startsWith('@opentelemetry/') && dep.version) {
              versions.set(name, (versions.get(name) ?? new Set()).add(dep.version));
            }
            walk(dep.dependencies as Record<string, { version?: string }>);
          }
        };
        walk(JSON.parse(stdout).dependencies);
        const duplicated = [...versions]
          .filter(([, set]) => set.size > 1)
          .map(([name, set]) => `${name}: ${[...set].join(', ')}`);
        expect(versions.size).toBeGreaterThan(10);
        expect(duplicated).toEqual([]);
      }, 90_000);
    }
  },
);
