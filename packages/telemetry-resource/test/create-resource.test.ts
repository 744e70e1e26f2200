import * as os from 'node:os';
import { createResource } from '../src/create-resource.js';
import { DOCKER_V1_FILES, resourceConfig, serviceConfig } from './helpers/config.js';
import { FIXTURE_IDS } from './helpers/fixtures.js';

describe('createResource', () => {
  describe('createResource', () => {
    it('should merge the config sections over the detected attributes', async () => {
      const resource = await createResource(
        serviceConfig({ name: 'orders', version: '3.0.0', environment: 'production' }),
        resourceConfig({
          attributes: { 'host.name': 'override', region: 'eu-west-1' },
          detectors: ['host', 'container'],
        }),
        { container: DOCKER_V1_FILES },
      );
      expect(resource.asyncAttributesPending).toBe(false);
      expect(resource.attributes).toMatchObject({
        'service.name': 'orders',
        'service.version': '3.0.0',
        'deployment.environment.name': 'production',
        'host.name': 'override',
        'host.arch': expect.any(String),
        'container.id': FIXTURE_IDS.dockerV1,
        region: 'eu-west-1',
      });
      expect(resource.attributes['process.pid']).toBeUndefined();
    });

    it('should run only the detectors the config names', async () => {
      const resource = await createResource(serviceConfig(), resourceConfig({ detectors: ['os'] }));
      expect(resource.attributes['os.version']).toBe(os.release());
      expect(resource.attributes['host.name']).toBeUndefined();
    });
  });
});
