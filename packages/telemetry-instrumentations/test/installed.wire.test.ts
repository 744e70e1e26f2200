import path from 'node:path';
import { type InstalledApp, installPacked } from '@proc/telemetry-testing';

// As a user gets it: the packed package and the packed config package, installed by npm in an
// empty folder, from CommonJS and from an ES module.
describe('@proc/telemetry-instrumentations installed from its tarball', () => {
  let app: InstalledApp;

  beforeAll(async () => {
    app = await installPacked({
      packages: [path.resolve(__dirname, '..')],
      dependencies: { '@opentelemetry/api': '1.9.1' },
    });
  }, 300_000);

  afterAll(() => app?.remove());

  const SCRIPT = (imports: string) => `${imports}
const config = loadConfig({ env: { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,undici,kafkajs,pino,runtime-node' } });
const built = createInstrumentations(config.instrumentations);
console.log(JSON.stringify(built.map((i) => [i.instrumentationName, i.getConfig().enabled])));
`;

  it.each([
    [
      'CommonJS',
      'app.cjs',
      "const { loadConfig } = require('@proc/telemetry-config');\nconst { createInstrumentations } = require('@proc/telemetry-instrumentations');",
    ],
    [
      'an ES module',
      'app.mjs',
      "import { loadConfig } from '@proc/telemetry-config';\nimport { createInstrumentations } from '@proc/telemetry-instrumentations';",
    ],
  ])(
    'should build every official instrumentation, disabled, from %s',
    async (_kind, file, imports) => {
      const result = await app.node([app.write(file, SCRIPT(imports))]);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual([
        ['@opentelemetry/instrumentation-http', false],
        ['@opentelemetry/instrumentation-undici', false],
        ['@opentelemetry/instrumentation-kafkajs', false],
        ['@opentelemetry/instrumentation-pino', false],
        ['@opentelemetry/instrumentation-runtime-node', false],
      ]);
    },
  );
});
