import { explainConfig } from '../src/index.js';
import { loadWith } from './helpers.js';

describe('OTEL_NODE_RESOURCE_DETECTORS', () => {
  it('should keep the default detectors when unset', () => {
    const { config } = loadWith({});
    expect(config.resource.detectors).toEqual(['env', 'host', 'os', 'process', 'container']);
  });

  it('should run only the listed detectors, in their order, once each', () => {
    const { config, warnings } = loadWith({ OTEL_NODE_RESOURCE_DETECTORS: ' Host, env,host ' });
    expect(config.resource.detectors).toEqual(['host', 'env']);
    expect(warnings).toEqual([]);
  });

  it('should run every detector for all, as NodeSDK does (all wins over none)', () => {
    const { config } = loadWith({ OTEL_NODE_RESOURCE_DETECTORS: 'none,all' });
    expect(config.resource.detectors).toEqual([
      'env',
      'host',
      'os',
      'process',
      'serviceinstance',
      'container',
    ]);
  });

  it('should run no detector for none', () => {
    const { config } = loadWith({ OTEL_NODE_RESOURCE_DETECTORS: 'none' });
    expect(config.resource.detectors).toEqual([]);
  });

  it('should warn about an unknown name, naming the accepted ones, and skip it', () => {
    const { config, warnings } = loadWith({ OTEL_NODE_RESOURCE_DETECTORS: 'host,gcp' });
    expect(config.resource.detectors).toEqual(['host']);
    expect(warnings).toEqual([
      expect.objectContaining({
        variable: 'OTEL_NODE_RESOURCE_DETECTORS',
        value: 'gcp',
        expected:
          'one of: env, host, os, process, serviceinstance, container, all, none' +
          ' (gcp is not supported: cloud detectors are not included; set the attributes in OTEL_RESOURCE_ATTRIBUTES)',
      }),
    ]);
  });

  it('should keep the next source when no name is known', () => {
    const { config, warnings } = loadWith({ OTEL_NODE_RESOURCE_DETECTORS: 'aws' }, { config: {} });
    expect(config.resource.detectors).toEqual(['env', 'host', 'os', 'process', 'container']);
    expect(warnings).toHaveLength(1);
  });

  it('should name the variable as the source of the detectors in explainConfig()', () => {
    const { values } = explainConfig({ env: { OTEL_NODE_RESOURCE_DETECTORS: 'process' } });
    expect(values.find((value) => value.path === 'resource.detectors')).toEqual({
      path: 'resource.detectors',
      value: ['process'],
      source: 'env',
      origin: 'env:OTEL_NODE_RESOURCE_DETECTORS',
    });
  });
});
