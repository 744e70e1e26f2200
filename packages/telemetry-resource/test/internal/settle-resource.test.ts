import { diag } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { settleResource } from '../../src/internal/settle-resource.js';

describe('settleResource', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('settleResource', () => {
    it('should return a resource without async attributes unchanged', async () => {
      const resource = resourceFromAttributes({ a: 1 });
      await expect(settleResource(resource, 100)).resolves.toBe(resource);
    });

    it('should wait for async attributes and keep their values', async () => {
      const resource = resourceFromAttributes({ a: Promise.resolve('late'), b: 'now' });
      const settled = await settleResource(resource, 1000);
      expect(settled.asyncAttributesPending).toBe(false);
      expect(settled.attributes).toEqual({ a: 'late', b: 'now' });
    });

    it('should leave out an attribute still pending at the deadline, with a warning', async () => {
      const logger = installTestDiagLogger();
      const never = new Promise<string>(() => {});
      const resource = resourceFromAttributes({ stuck: never, kept: 'yes' });
      const settled = await settleResource(resource, 20);
      expect(settled.asyncAttributesPending).toBe(false);
      expect(settled.attributes).toEqual({ kept: 'yes' });
      expect(logger.texts('warn')).toEqual([
        '@proc/telemetry-resource resource attributes not detected within 20ms, left out: stuck',
      ]);
    });

    it('should leave out a rejected attribute', async () => {
      const resource = resourceFromAttributes({ failed: Promise.reject(new Error('no')), ok: 1 });
      const settled = await settleResource(resource, 1000);
      expect(settled.attributes).toEqual({ ok: 1 });
    });

    it('should keep merge precedence, letting an empty higher value show the lower one', async () => {
      const lower = resourceFromAttributes({ id: 'lower', name: 'lower' });
      const higher = resourceFromAttributes({
        id: Promise.resolve(undefined),
        name: Promise.resolve('higher'),
      });
      const settled = await settleResource(lower.merge(higher), 1000);
      expect(settled.attributes).toEqual({ id: 'lower', name: 'higher' });
    });

    it('should keep the schema URL', async () => {
      const resource = resourceFromAttributes(
        { a: Promise.resolve(1) },
        { schemaUrl: 'https://opentelemetry.io/schemas/1.37.0' },
      );
      const settled = await settleResource(resource, 1000);
      expect(settled.schemaUrl).toBe('https://opentelemetry.io/schemas/1.37.0');
    });
  });
});
