import { explainConfig, loadConfig } from '../src/index.js';
import { loadWith } from './helpers.js';

describe('selfTelemetry', () => {
  it('should be on by default', () => {
    expect(loadConfig({ env: {} }).selfTelemetry).toEqual({ enabled: true });
  });

  it('should be turned off by PROC_TELEMETRY_SELF_TELEMETRY_ENABLED=false, named as its source', () => {
    const env = { PROC_TELEMETRY_SELF_TELEMETRY_ENABLED: 'FALSE' };
    expect(loadConfig({ env }).selfTelemetry.enabled).toBe(false);
    const { values } = explainConfig({ env });
    expect(values.find((value) => value.path === 'selfTelemetry.enabled')?.origin).toBe(
      'env:PROC_TELEMETRY_SELF_TELEMETRY_ENABLED',
    );
  });

  it('should be turned off in code or a file', () => {
    expect(
      loadConfig({ env: {}, config: { selfTelemetry: { enabled: false } } }).selfTelemetry.enabled,
    ).toBe(false);
  });

  it('should warn about a value that is not a boolean and stay on', () => {
    const { config, warnings } = loadWith({ PROC_TELEMETRY_SELF_TELEMETRY_ENABLED: 'off' });
    expect(config.selfTelemetry.enabled).toBe(true);
    expect(warnings).toEqual([
      expect.objectContaining({
        variable: 'PROC_TELEMETRY_SELF_TELEMETRY_ENABLED',
        expected: 'true or false',
      }),
    ]);
  });
});
