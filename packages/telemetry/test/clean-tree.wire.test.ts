import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type InstalledApp, installPacked } from '@proc/telemetry-testing';
import { receiverEnv } from './helpers/receiver-env.js';

const run = promisify(execFile);

interface NpmLsNode {
  version?: string;
  dependencies?: Record<string, NpmLsNode>;
}

/** Every version of every `@opentelemetry/*` package anywhere in an `npm ls --all --json` tree. */
function openTelemetryVersions(root: NpmLsNode): Map<string, Set<string>> {
  const versions = new Map<string, Set<string>>();
  const walk = (node: NpmLsNode) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (name.startsWith('@opentelemetry/') && child.version) {
        versions.set(name, (versions.get(name) ?? new Set()).add(child.version));
      }
      walk(child);
    }
  };
  walk(root);
  return versions;
}

const INIT_APP = [
  "import { initTelemetry } from '@proc/telemetry';",
  'const telemetry = await initTelemetry();',
  "telemetry.tracer('clean-tree').startSpan('clean tree').end();",
  'await telemetry.shutdown();',
  '',
].join('\n');

// Issue 13: a user's own @opentelemetry/sdk-trace-base@^2 (the newest 2.x, 2.12.1) beside the
// umbrella put a second core/resources/sdk-metrics/api-logs in the tree, through the packages
// that pin theirs exactly (exporter-prometheus, propagator-b3/-jaeger, the instrumentations).
// Those are optional peers now: the default tree holds one copy of each OpenTelemetry package,
// and a configuration that needs one of them fails start-up naming the package to add.
describe('@proc/telemetry and @proc/telemetry-testing installed next to sdk-trace-base@^2', () => {
  let app: InstalledApp;

  // @proc/telemetry with the packages it depends on (not its optional peers), and the testing
  // package.
  beforeAll(async () => {
    app = await installPacked({
      packages: [path.resolve(__dirname, '..'), path.resolve(__dirname, '../../telemetry-testing')],
      dependencies: { '@opentelemetry/api': '1.9', '@opentelemetry/sdk-trace-base': '^2' },
    });
  }, 300_000);

  afterAll(() => app?.remove());

  it('should hold one copy of each @opentelemetry package in npm ls', async () => {
    // npm ls exits non-zero on a missing, invalid or extraneous package: that fails here too.
    const { stdout } = await run('npm', ['ls', '--all', '--json'], {
      cwd: app.dir,
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const versions = openTelemetryVersions(JSON.parse(stdout) as NpmLsNode);
    const copies = [...versions].map(([name, found]) => `${name}@${[...found].sort().join('|')}`);
    expect(copies.filter((entry) => entry.includes('|'))).toEqual([]);
    // The user's sdk-trace-base and the SDK packages ours bring: one line, the user's.
    const sdkTraceBase = [...(versions.get('@opentelemetry/sdk-trace-base') ?? [])];
    expect(sdkTraceBase).toEqual([expect.stringMatching(/^2\./)]);
    expect(versions.get('@opentelemetry/core')).toEqual(new Set(sdkTraceBase));
    expect([...versions.keys()]).toEqual(
      expect.arrayContaining([
        '@opentelemetry/api',
        '@opentelemetry/resources',
        '@opentelemetry/sdk-metrics',
        '@opentelemetry/sdk-logs',
        '@opentelemetry/otlp-transformer',
      ]),
    );
    for (const optional of [
      '@opentelemetry/exporter-prometheus',
      '@opentelemetry/propagator-b3',
      '@opentelemetry/propagator-jaeger',
      '@opentelemetry/instrumentation',
      '@opentelemetry/otlp-grpc-exporter-base',
    ]) {
      expect([optional, versions.has(optional)]).toEqual([optional, false]);
    }
  }, 90_000);

  it('should start, export a span over HTTP and exit with the default configuration', async () => {
    const { receiver } = app;
    receiver.clear();
    const result = await app.node(
      [app.write('init-app.mjs', INIT_APP)],
      receiverEnv(receiver, 'http/protobuf'),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [span] = await receiver.waitForSpans(1, { name: 'clean tree' });
    expect(span?.resource['service.name']).toBe('umbrella-wire-test');
  }, 90_000);

  it.each([
    [
      'OTEL_PROPAGATORS=b3',
      { OTEL_PROPAGATORS: 'tracecontext,b3' },
      '@proc/telemetry-context: propagators includes "b3", which needs the optional peer dependency @opentelemetry/propagator-b3; install it: npm install @opentelemetry/propagator-b3@^2.12.0',
    ],
    [
      'OTEL_PROPAGATORS=jaeger',
      { OTEL_PROPAGATORS: 'jaeger' },
      '@proc/telemetry-context: propagators includes "jaeger", which needs the optional peer dependency @opentelemetry/propagator-jaeger; install it: npm install @opentelemetry/propagator-jaeger@^2.12.0',
    ],
    [
      'OTEL_METRICS_EXPORTER=prometheus',
      { OTEL_METRICS_EXPORTER: 'prometheus' },
      '@proc/telemetry-metrics: metrics.exporter includes "prometheus", which needs the optional peer dependency @opentelemetry/exporter-prometheus; install it: npm install @opentelemetry/exporter-prometheus@^0.223.0',
    ],
    [
      'OTEL_NODE_ENABLED_INSTRUMENTATIONS=http',
      { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http' },
      '@proc/telemetry: instrumentations.http.enabled is true, which needs the optional peer dependency @proc/telemetry-instrumentations; install it: npm install @proc/telemetry-instrumentations',
    ],
  ])(
    'should fail start-up with %s, naming the package to add',
    async (_case, env, message) => {
      const result = await app.node(
        [app.write('init-app.mjs', INIT_APP)],
        receiverEnv(app.receiver, 'http/protobuf', env),
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(message);
    },
    90_000,
  );
});
