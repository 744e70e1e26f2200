import path from 'node:path';
import { type InstalledApp, installPacked } from '@proc/telemetry-testing';

// As a user gets it: the packed package and the packed workspace packages it depends on, installed
// by npm in an empty folder (no workspace links), used from CommonJS and from an ES module.
describe('@proc/telemetry-logs installed from its tarball', () => {
  let app: InstalledApp;

  beforeAll(async () => {
    app = await installPacked({
      packages: [path.resolve(__dirname, '..')],
      dependencies: { '@opentelemetry/api': '1.9.1' },
    });
  }, 300_000);

  afterAll(() => app?.remove());

  const SCRIPT = (imports: string) => `${imports}
const config = loadConfig({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: process.env.ENDPOINT } });
const logging = initLoggerProvider(config.logs);
logging.getLogger('installed').emit({ severityNumber: SeverityNumber.ERROR, body: process.env.BODY });
logging.shutdown({ timeoutMillis: 10000 }).then(() => {
  console.log(JSON.stringify(logging.exportCounts()));
});
`;

  it.each([
    [
      'CommonJS',
      'app.cjs',
      "const { loadConfig } = require('@proc/telemetry-config');\nconst { initLoggerProvider, SeverityNumber } = require('@proc/telemetry-logs');",
    ],
    [
      'an ES module',
      'app.mjs',
      "import { loadConfig } from '@proc/telemetry-config';\nimport { initLoggerProvider, SeverityNumber } from '@proc/telemetry-logs';",
    ],
  ])('should export a log record from %s', async (kind, file, imports) => {
    const { receiver } = app;
    const script = app.write(file, SCRIPT(imports));
    const result = await app.node([script], { ENDPOINT: receiver.httpUrl, BODY: `from ${kind}` });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ emitted: 1, exported: 1 });
    const [record] = await receiver.waitForLogs(1, { body: `from ${kind}` });
    expect(record).toMatchObject({ severityNumber: 17, scope: { name: 'installed' } });
  });
});
