import * as os from 'node:os';
import { loadConfig } from '@proc/telemetry-config';
import { createResource } from '../src/create-resource.js';
import { ResourceBuilder } from '../src/resource-builder.js';
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

  describe('with loadConfig', () => {
    it('should let OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME beat detected values', async () => {
      const config = loadConfig({
        env: {
          OTEL_SERVICE_NAME: 'from-service-name',
          OTEL_RESOURCE_ATTRIBUTES:
            'service.name=from-attributes,host.name=from-env,deployment.environment.name=qa,team=data',
        },
      });
      const { attributes } = await createResource(config.service, config.resource, {
        container: DOCKER_V1_FILES,
      });
      expect(attributes).toMatchObject({
        'service.name': 'from-service-name',
        'host.name': 'from-env',
        'deployment.environment.name': 'qa',
        team: 'data',
        'os.version': os.release(),
        'container.id': FIXTURE_IDS.dockerV1,
      });
    });

    it('should take service.name from OTEL_RESOURCE_ATTRIBUTES without OTEL_SERVICE_NAME', async () => {
      const config = loadConfig({ env: { OTEL_RESOURCE_ATTRIBUTES: 'service.name=orders' } });
      const { attributes } = await createResource(config.service, config.resource);
      expect(attributes['service.name']).toBe('orders');
    });

    it('should let code beat the environment', async () => {
      const config = loadConfig({
        env: { OTEL_SERVICE_NAME: 'env-name', OTEL_RESOURCE_ATTRIBUTES: 'host.name=from-env' },
      });
      const { attributes } = await new ResourceBuilder()
        .withConfig(config.service, config.resource)
        .withServiceName('code-name')
        .withAttribute('host.name', 'from-code')
        .build();
      expect(attributes['service.name']).toBe('code-name');
      expect(attributes['host.name']).toBe('from-code');
    });

    it('should run only the detectors the config names', async () => {
      const config = loadConfig({ env: {}, config: { resource: { detectors: ['process'] } } });
      const { attributes } = await createResource(config.service, config.resource);
      expect(attributes['process.pid']).toBe(process.pid);
      expect(attributes['host.name']).toBeUndefined();
    });
  });
});
