import { createRequire } from 'node:module';
import { missingPeerMessage, requireOptionalPeer } from '../src/index.js';

const requireFromHere = createRequire(__filename);

describe('requireOptionalPeer', () => {
  describe('requireOptionalPeer()', () => {
    it('should return the module when it resolves from the loading package', () => {
      const yaml = requireOptionalPeer<typeof import('yaml')>(requireFromHere, 'yaml');
      expect(yaml?.parse('a: 1')).toEqual({ a: 1 });
    });

    // A package installed nowhere (jest's require resolves from the workspace, where every real
    // optional peer is a devDependency).
    it('should return undefined when the package is not installed', () => {
      expect(requireOptionalPeer(requireFromHere, '@opentelemetry/exporter-not-installed')).toBe(
        undefined,
      );
    });
  });

  describe('missingPeerMessage()', () => {
    it('should name the configuration, the package and the install command', () => {
      expect(
        missingPeerMessage({
          name: '@opentelemetry/exporter-prometheus',
          range: '^0.223.0',
          neededFor: 'metrics.exporter includes "prometheus"',
        }),
      ).toBe(
        'metrics.exporter includes "prometheus", which needs the optional peer dependency @opentelemetry/exporter-prometheus; install it: npm install @opentelemetry/exporter-prometheus@^0.223.0',
      );
    });

    it('should leave the version out of the install command of a package without a range', () => {
      expect(
        missingPeerMessage({
          name: '@proc/telemetry-instrumentations',
          neededFor: 'instrumentations.http.enabled is true',
        }),
      ).toMatch(/install it: npm install @proc\/telemetry-instrumentations$/);
    });
  });
});
