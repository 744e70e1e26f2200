import * as os from 'node:os';
import { diag } from '@opentelemetry/api';
import { ATTR_CONTAINER_ID } from '@opentelemetry/semantic-conventions';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { detectResource } from '../src/detect-resource.js';
import type { ResourceDetectorName } from '../src/types.js';
import { FIXTURE_IDS, fixture, readMachineId, semconvArch } from './helpers/fixtures.js';

describe('detectResource', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('host detector', () => {
    it('should detect this machine’s name, architecture and id', async () => {
      const { attributes } = await detectResource({ detectors: ['host'] });
      expect(attributes['host.name']).toBe(os.hostname());
      expect(attributes['host.arch']).toBe(semconvArch(os.arch()));
      // host.id is asynchronous; it must be settled, not left out.
      expect(attributes['host.id']).toBe(readMachineId());
    });
  });

  describe('os detector', () => {
    it('should detect this operating system’s type and version', async () => {
      const { attributes } = await detectResource({ detectors: ['os'] });
      const type = { win32: 'windows', sunos: 'solaris' }[os.platform() as string] ?? os.platform();
      expect(attributes).toEqual({ 'os.type': type, 'os.version': os.release() });
    });
  });

  describe('process detector', () => {
    it('should detect this process and runtime', async () => {
      const { attributes } = await detectResource({ detectors: ['process'] });
      expect(attributes).toMatchObject({
        'process.pid': process.pid,
        'process.executable.name': process.title,
        'process.executable.path': process.execPath,
        'process.command': process.argv[1],
        'process.command_args': [process.argv[0], ...process.execArgv, ...process.argv.slice(1)],
        'process.owner': os.userInfo().username,
        'process.runtime.name': 'nodejs',
        'process.runtime.version': process.versions.node,
        'process.runtime.description': 'Node.js',
      });
      expect(`v${attributes['process.runtime.version']}`).toBe(process.version);
    });
  });

  describe('container detector', () => {
    it('should detect the container id from the configured files', async () => {
      const { attributes } = await detectResource({
        detectors: ['container'],
        container: {
          cgroupPath: fixture('cgroup-v2-container'),
          mountinfoPath: fixture('mountinfo-v2-docker'),
        },
      });
      expect(attributes).toEqual({ [ATTR_CONTAINER_ID]: FIXTURE_IDS.dockerV2 });
    });

    it('should leave container.id out when not in a container', async () => {
      const { attributes } = await detectResource({
        detectors: ['container'],
        container: {
          cgroupPath: fixture('cgroup-v2-host'),
          mountinfoPath: fixture('mountinfo-v2-host'),
        },
      });
      expect(attributes).toEqual({});
    });
  });

  describe('env detector', () => {
    const saved = process.env.OTEL_RESOURCE_ATTRIBUTES;
    const savedName = process.env.OTEL_SERVICE_NAME;
    afterEach(() => {
      if (saved === undefined) delete process.env.OTEL_RESOURCE_ATTRIBUTES;
      else process.env.OTEL_RESOURCE_ATTRIBUTES = saved;
      if (savedName === undefined) delete process.env.OTEL_SERVICE_NAME;
      else process.env.OTEL_SERVICE_NAME = savedName;
    });

    it('should not read OTEL_RESOURCE_ATTRIBUTES or OTEL_SERVICE_NAME itself', async () => {
      process.env.OTEL_RESOURCE_ATTRIBUTES = 'from.env=yes';
      process.env.OTEL_SERVICE_NAME = 'env-service';
      const { attributes } = await detectResource({ detectors: ['env'] });
      expect(attributes).toEqual({});
    });
  });

  describe('options', () => {
    it('should run every detector by default', async () => {
      const { attributes } = await detectResource();
      expect(attributes).toMatchObject({
        'host.name': os.hostname(),
        'os.version': os.release(),
        'process.pid': process.pid,
      });
    });

    it('should run only the named detectors', async () => {
      const { attributes } = await detectResource({ detectors: ['os'] });
      expect(Object.keys(attributes).sort()).toEqual(['os.type', 'os.version']);
    });

    it('should run none for an empty list', async () => {
      const { attributes } = await detectResource({ detectors: [] });
      expect(attributes).toEqual({});
    });

    it('should return a resource with every attribute settled', async () => {
      const resource = await detectResource();
      expect(resource.asyncAttributesPending).toBe(false);
      for (const [, value] of resource.getRawAttributes()) {
        expect(value).not.toBeInstanceOf(Promise);
      }
    });

    it('should accept serviceinstance, as NodeSDK names it, and detect nothing for it', async () => {
      const { attributes } = await detectResource({ detectors: ['serviceinstance'] });
      expect(attributes).toEqual({});
    });

    it('should throw for an unknown detector, naming the accepted ones', async () => {
      await expect(detectResource({ detectors: ['gcp' as ResourceDetectorName] })).rejects.toThrow(
        /unknown resource detector "gcp"; expected one of env, host, os, process, container, serviceinstance/,
      );
    });

    it.each([-1, 0, Number.NaN])(
      'should warn about timeoutMillis %p and wait the default 1000 ms (one timeout rule for every package)',
      async (timeoutMillis) => {
        const diagLog = installTestDiagLogger();
        await expect(detectResource({ detectors: ['env'], timeoutMillis })).resolves.toBeDefined();
        expect(
          diagLog.has(
            'warn',
            /timeoutMillis: timeoutMillis must be a finite number > 0, got .*; using 1000/,
          ),
        ).toBe(true);
      },
    );
  });
});
