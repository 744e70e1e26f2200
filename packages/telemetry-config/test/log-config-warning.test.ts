import { diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { logConfigWarning } from '../src/log-config-warning.js';

describe('logConfigWarning', () => {
  afterEach(() => diag.disable());

  describe('logConfigWarning()', () => {
    it('should log the warning under the package namespace, as loadConfig does', () => {
      const diagLog = installTestDiagLogger();
      logConfigWarning({
        variable: 'OTEL_BSP_MAX_QUEUE_SIZE',
        value: 'x',
        expected: 'an integer >= 1',
        message:
          '@proc/telemetry-config: ignoring OTEL_BSP_MAX_QUEUE_SIZE="x": expected an integer >= 1',
      });
      expect(diagLog.texts('warn')).toEqual([
        '@proc/telemetry-config ignoring OTEL_BSP_MAX_QUEUE_SIZE="x": expected an integer >= 1',
      ]);
    });
  });
});
