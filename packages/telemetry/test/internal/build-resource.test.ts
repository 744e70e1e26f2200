import { loadConfig } from '@proc/telemetry-config';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { buildResource } from '../../src/internal/build-resource.js';
import { resetGlobals } from '../helpers/reset-globals.js';

describe('buildResource', () => {
  afterEach(() => resetGlobals());

  // Regression: the config's hidden redacting printers (toJSON, toString, util.inspect.custom)
  // were read as three invalid resource attributes, each dropped with a warning.
  it('should take the attributes of a loaded config without warnings about its printers', async () => {
    const logger = installTestDiagLogger();
    const config = loadConfig({
      env: { OTEL_SERVICE_NAME: 'svc', OTEL_RESOURCE_ATTRIBUTES: 'team=streams' },
    });

    const resource = await buildResource(config, { name: 'enricher', workerId: '2' }, true);

    expect(logger.messages).toEqual([]);
    expect(resource.attributes).toMatchObject({
      'service.name': 'svc',
      'service.instance.id': config.service.instanceId,
      team: 'streams',
      'processor.name': 'enricher',
      'processor.worker.id': '2',
    });
  });

  it('should skip the detectors when detect is false', async () => {
    const config = loadConfig({ env: { OTEL_SERVICE_NAME: 'svc' } });

    const resource = await buildResource(config, undefined, false);

    expect(resource.attributes['service.name']).toBe('svc');
    expect(resource.attributes['process.pid']).toBeUndefined();
    expect(resource.attributes['host.name']).toBeUndefined();
  });
});
