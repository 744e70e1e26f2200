import { createRequire } from 'node:module';
import { requireOptionalPeer } from '../src/index.js';

// A package installed nowhere (jest's own require resolves from the workspace, where every
// real optional peer is a devDependency).
const PEER = {
  loadedBy: '@proc/telemetry-metrics',
  name: '@opentelemetry/exporter-not-installed',
  range: '^0.223.0',
  neededFor: 'metrics.exporter includes "prometheus"',
};
const requireFromHere = createRequire(__filename);

describe('requireOptionalPeer', () => {
  describe('requireOptionalPeer()', () => {
    it('should return the module when it resolves from the loading package', () => {
      const yaml = requireOptionalPeer<typeof import('yaml')>(requireFromHere, {
        ...PEER,
        name: 'yaml',
      });
      expect(yaml.parse('a: 1')).toEqual({ a: 1 });
    });

    it('should name the configuration, the package and the install command when it is missing', () => {
      let thrown: unknown;
      try {
        requireOptionalPeer(requireFromHere, PEER);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toBe(
        '@proc/telemetry-metrics: metrics.exporter includes "prometheus", which needs the optional peer dependency @opentelemetry/exporter-not-installed; install it: npm install @opentelemetry/exporter-not-installed@^0.223.0',
      );
      expect((thrown as Error).cause).toMatchObject({ code: 'MODULE_NOT_FOUND' });
    });

    it('should leave the version out of the install command of a package without a range', () => {
      const { range: _range, ...withoutRange } = PEER;
      expect(() => requireOptionalPeer(requireFromHere, withoutRange)).toThrow(
        /install it: npm install @opentelemetry\/exporter-not-installed$/,
      );
    });
  });
});
