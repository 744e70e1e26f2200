import * as os from 'node:os';
import { diag } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { ResourceBuilder } from '../src/resource-builder.js';
import { DOCKER_V1_FILES, resourceConfig, serviceConfig } from './helpers/config.js';
import { FIXTURE_IDS } from './helpers/fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ResourceBuilder', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('build', () => {
    it('should include the SDK defaults, the detected attributes and a service.instance.id', async () => {
      const { attributes } = await new ResourceBuilder({ container: DOCKER_V1_FILES }).build();
      expect(attributes).toMatchObject({
        'service.name': `unknown_service:${process.argv0}`,
        'telemetry.sdk.language': 'nodejs',
        'telemetry.sdk.name': 'opentelemetry',
        'host.name': os.hostname(),
        'os.version': os.release(),
        'process.pid': process.pid,
        'container.id': FIXTURE_IDS.dockerV1,
      });
      expect(attributes['service.instance.id']).toMatch(UUID);
    });

    it('should return a resource with every attribute settled', async () => {
      const resource = await new ResourceBuilder().build();
      expect(resource.asyncAttributesPending).toBe(false);
      expect(resource.attributes['host.name']).toBe(os.hostname());
    });

    it('should give the same result when built twice', async () => {
      const builder = new ResourceBuilder().withServiceName('twice').withDetectors(['os']);
      const first = await builder.build();
      const second = await builder.build();
      expect(second.attributes).toEqual(first.attributes);
    });

    it('should leave a built resource unchanged when the builder changes afterwards', async () => {
      const builder = new ResourceBuilder().withServiceName('before').withDetectors([]);
      const built = await builder
        .withConfig(serviceConfig({ version: '1' }), resourceConfig())
        .build();
      builder.withServiceName('after').withAttribute('late', 'x');
      expect(built.attributes).toMatchObject({ 'service.name': 'before', 'service.version': '1' });
      expect(built.attributes.late).toBeUndefined();
    });

    it('should warn about a negative detection timeout and use the default', () => {
      const diagLog = installTestDiagLogger();
      expect(() => new ResourceBuilder({ detectionTimeoutMillis: -5 })).not.toThrow();
      expect(
        diagLog.has(
          'warn',
          /detectionTimeoutMillis: timeoutMillis must be a finite number > 0, got -5; using 1000/,
        ),
      ).toBe(true);
    });
  });

  describe('precedence', () => {
    const build = (configure: (builder: ResourceBuilder) => ResourceBuilder) =>
      configure(new ResourceBuilder({ container: DOCKER_V1_FILES }))
        .build()
        .then((resource) => resource.attributes);

    it('should let config attributes beat detected ones', async () => {
      const attributes = await build((b) =>
        b.withConfig(
          serviceConfig(),
          resourceConfig({ attributes: { 'host.name': 'from-config', 'container.id': 'cfg' } }),
        ),
      );
      expect(attributes['host.name']).toBe('from-config');
      expect(attributes['container.id']).toBe('cfg');
      expect(attributes['os.version']).toBe(os.release());
    });

    it('should let code beat config, and config beat defaults', async () => {
      const attributes = await build((b) =>
        b
          .withConfig(
            serviceConfig({ name: 'config-name', version: '1.0.0' }),
            resourceConfig({
              attributes: { 'host.name': 'from-config', 'telemetry.sdk.language': 'config-lang' },
            }),
          )
          .withServiceName('code-name')
          .withAttribute('host.name', 'from-code'),
      );
      expect(attributes).toMatchObject({
        'service.name': 'code-name',
        'service.version': '1.0.0',
        'host.name': 'from-code',
        'telemetry.sdk.language': 'config-lang',
      });
    });

    it('should let code beat config regardless of call order', async () => {
      const attributes = await build((b) =>
        b
          .withAttribute('container.id', 'code')
          .withConfig(serviceConfig(), resourceConfig({ attributes: { 'container.id': 'cfg' } })),
      );
      expect(attributes['container.id']).toBe('code');
    });

    it('should let a later code setter replace an earlier one', async () => {
      const attributes = await build((b) =>
        b.withAttributes({ 'service.name': 'first' }).withServiceName('second'),
      );
      expect(attributes['service.name']).toBe('second');
    });

    it('should let the service section beat a service.name in the config attributes', async () => {
      const attributes = await build((b) =>
        b.withConfig(
          serviceConfig({ name: 'from-OTEL_SERVICE_NAME' }),
          resourceConfig({ attributes: { 'service.name': 'from-OTEL_RESOURCE_ATTRIBUTES' } }),
        ),
      );
      expect(attributes['service.name']).toBe('from-OTEL_SERVICE_NAME');
    });

    it('should not let a default unknown_service name hide a configured service.name', async () => {
      const attributes = await build((b) =>
        b.withConfig(
          serviceConfig({ name: 'unknown_service:node' }),
          resourceConfig({ attributes: { 'service.name': 'from-OTEL_RESOURCE_ATTRIBUTES' } }),
        ),
      );
      expect(attributes['service.name']).toBe('from-OTEL_RESOURCE_ATTRIBUTES');
    });
  });

  describe('service setters', () => {
    it('should set the service and deployment attributes', async () => {
      const { attributes } = await new ResourceBuilder()
        .withDetectors([])
        .withServiceName('orders')
        .withServiceVersion('2.1.0')
        .withServiceNamespace('shop')
        .withServiceInstanceId('orders-0')
        .withDeploymentEnvironment('staging')
        .build();
      expect(attributes).toMatchObject({
        'service.name': 'orders',
        'service.version': '2.1.0',
        'service.namespace': 'shop',
        'service.instance.id': 'orders-0',
        'deployment.environment.name': 'staging',
      });
    });
  });

  describe('withConfig', () => {
    it('should map every service field to its attribute', async () => {
      const { attributes } = await new ResourceBuilder()
        .withConfig(
          serviceConfig({
            name: 'orders',
            version: '2.1.0',
            namespace: 'shop',
            instanceId: 'orders-1',
            environment: 'production',
          }),
          resourceConfig({ attributes: { team: 'data', replicas: 3 }, detectors: [] }),
        )
        .build();
      expect(attributes).toMatchObject({
        'service.name': 'orders',
        'service.version': '2.1.0',
        'service.namespace': 'shop',
        'service.instance.id': 'orders-1',
        'deployment.environment.name': 'production',
        team: 'data',
        replicas: 3,
      });
    });

    it('should run the detectors the config names', async () => {
      const { attributes } = await new ResourceBuilder()
        .withConfig(serviceConfig(), resourceConfig({ detectors: ['os'] }))
        .build();
      expect(attributes['os.type']).toBeDefined();
      expect(attributes['host.name']).toBeUndefined();
      expect(attributes['process.pid']).toBeUndefined();
    });
  });

  describe('withDetectors', () => {
    it('should replace the detectors the config names', async () => {
      const { attributes } = await new ResourceBuilder()
        .withDetectors(['process'])
        .withConfig(serviceConfig(), resourceConfig({ detectors: ['os'] }))
        .build();
      expect(attributes['process.pid']).toBe(process.pid);
      expect(attributes['os.type']).toBeUndefined();
    });
  });

  describe('service.instance.id', () => {
    it('should be a UUID that is the same for every builder in the process', async () => {
      const first = await new ResourceBuilder().withDetectors([]).build();
      const second = await new ResourceBuilder().withDetectors([]).withServiceName('x').build();
      expect(first.attributes['service.instance.id']).toMatch(UUID);
      expect(second.attributes['service.instance.id']).toBe(
        first.attributes['service.instance.id'],
      );
    });

    it('should be the instance id a loaded config defaults to (regression: two ids per process)', async () => {
      const config = loadConfig({ env: {} });
      const { attributes } = await new ResourceBuilder().withDetectors([]).build();
      const fromConfig = await new ResourceBuilder()
        .withConfig(config.service, { ...config.resource, detectors: [] })
        .build();
      expect(attributes['service.instance.id']).toBe(config.service.instanceId);
      expect(fromConfig.attributes['service.instance.id']).toBe(config.service.instanceId);
    });

    it('should yield to an instance id from config', async () => {
      const { attributes } = await new ResourceBuilder()
        .withConfig(serviceConfig({ instanceId: 'pod-7' }), resourceConfig({ detectors: [] }))
        .build();
      expect(attributes['service.instance.id']).toBe('pod-7');
    });
  });

  describe('invalid attributes', () => {
    const bad: Array<[string, string, unknown]> = [
      ['an object', 'nested', { a: 1 }],
      ['undefined', 'undef', undefined],
      ['null', 'nul', null],
      ['a function', 'fn', () => 1],
      ['a bigint', 'big', 10n],
      ['NaN', 'nan', Number.NaN],
      ['a 4097-character string', 'huge', 'x'.repeat(4097)],
      ['a 129-element array', 'long.array', Array.from({ length: 129 }, (_, i) => i)],
      ['a mixed array', 'mixed', ['a', 1]],
      ['an array holding null', 'holey', ['a', null]],
      ['an array holding an object', 'deep', [{ a: 1 }]],
    ];

    it.each(bad)(
      'should drop %s set in code, with a warning naming the key',
      async (_, key, value) => {
        const logger = installTestDiagLogger();
        const builder = new ResourceBuilder().withDetectors([]);
        expect(() => builder.withAttribute(key, value as string)).not.toThrow();
        const { attributes } = await builder.withAttribute('kept', 'yes').build();
        expect(attributes).not.toHaveProperty([key]);
        expect(attributes.kept).toBe('yes');
        expect(logger.texts('warn')).toHaveLength(1);
        expect(logger.texts('warn')[0]).toMatch(
          new RegExp(
            `^@proc/telemetry-resource dropped resource attribute "${key}" \\(from code\\): `,
          ),
        );
      },
    );

    it('should drop non-string and empty keys, with a warning', async () => {
      const logger = installTestDiagLogger();
      const symbol = Symbol('secret');
      const { attributes } = await new ResourceBuilder()
        .withDetectors([])
        .withAttribute(42 as unknown as string, 'x')
        .withAttribute('', 'x')
        .withAttributes({ [symbol]: 'x', ok: true } as unknown as Record<string, string>)
        .withAttribute('k'.repeat(256), 'x')
        .build();
      expect(attributes.ok).toBe(true);
      expect(attributes).not.toHaveProperty(['']);
      expect(attributes).not.toHaveProperty(['42']);
      expect(Object.keys(attributes).some((key) => key.startsWith('kkk'))).toBe(false);
      expect(logger.texts('warn')).toEqual([
        expect.stringContaining(
          'dropped resource attribute 42 (from code): keys must be strings, got a number',
        ),
        expect.stringContaining(
          'dropped resource attribute "" (from code): keys must not be empty',
        ),
        expect.stringContaining(
          'dropped resource attribute Symbol(secret) (from code): keys must be strings, got a symbol',
        ),
        expect.stringContaining('key is 256 characters, over the limit of 255'),
      ]);
    });

    it('should drop invalid config attributes and keep the valid ones', async () => {
      const logger = installTestDiagLogger();
      const { attributes } = await new ResourceBuilder()
        .withConfig(
          serviceConfig({ name: 'svc' }),
          resourceConfig({
            attributes: { good: 'yes', bad: { nested: true } } as unknown as Record<string, string>,
            detectors: [],
          }),
        )
        .build();
      expect(attributes.good).toBe('yes');
      expect(attributes).not.toHaveProperty(['bad']);
      expect(logger.texts('warn')).toEqual([
        '@proc/telemetry-resource dropped resource attribute "bad" (from config): value is an object; allowed: string, number, boolean or an array of one of them',
      ]);
    });

    it('should keep values exactly at the limits', async () => {
      const logger = installTestDiagLogger();
      const { attributes } = await new ResourceBuilder()
        .withDetectors([])
        .withAttribute('max.string', 'x'.repeat(4096))
        .withAttribute(
          'max.array',
          Array.from({ length: 128 }, () => 'v'),
        )
        .withAttribute('empty.array', [])
        .withAttribute('k'.repeat(255), 1)
        .build();
      expect((attributes['max.string'] as string).length).toBe(4096);
      expect((attributes['max.array'] as string[]).length).toBe(128);
      expect(attributes['empty.array']).toEqual([]);
      expect(attributes['k'.repeat(255)]).toBe(1);
      expect(logger.texts('warn')).toEqual([]);
    });
  });
});
