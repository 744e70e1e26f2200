import * as os from 'node:os';
import { hostDetector } from '@opentelemetry/resources';
import { createHostDetector } from '../../src/internal/host-detector.js';
import { readMachineId, semconvArch } from '../helpers/fixtures.js';

describe('createHostDetector', () => {
  describe('on Linux', () => {
    it('should give the SDK hostDetector’s attributes, host.id read at once', () => {
      const { attributes } = createHostDetector('linux').detect();
      // Settled already: no promise for detectResources() to wait on.
      expect(attributes).toEqual({
        'host.name': os.hostname(),
        'host.arch': semconvArch(os.arch()),
        'host.id': readMachineId(),
      });
    });

    // Registered only where the SDK's own detector reads the same files.
    if (process.platform === 'linux') {
      it('should agree with the SDK hostDetector on this machine', async () => {
        const ours = createHostDetector('linux').detect().attributes ?? {};
        const upstream = hostDetector.detect().attributes ?? {};
        expect(ours).toEqual({
          'host.name': upstream['host.name'],
          'host.arch': upstream['host.arch'],
          'host.id': await upstream['host.id'],
        });
      });
    }
  });

  describe('elsewhere', () => {
    it('should be the SDK hostDetector, which runs the platform’s command for host.id', () => {
      expect(createHostDetector('darwin')).toBe(hostDetector);
      expect(createHostDetector('win32')).toBe(hostDetector);
    });
  });
});
