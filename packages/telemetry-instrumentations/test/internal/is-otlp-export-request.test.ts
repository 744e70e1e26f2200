import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';
import { loadConfig, OTLP_EXPORT_USER_AGENT } from '@proc/telemetry-config';
import { createInstrumentations } from '../../src/index.js';
import { isOtlpExportRequest } from '../../src/internal/is-otlp-export-request.js';

describe('isOtlpExportRequest', () => {
  it.each([
    [{ 'User-Agent': OTLP_EXPORT_USER_AGENT }],
    [{ 'user-agent': OTLP_EXPORT_USER_AGENT, 'Content-Type': 'application/x-protobuf' }],
    [{ 'USER-AGENT': [OTLP_EXPORT_USER_AGENT] }],
  ])('should know an export by its User-Agent in any spelling: %j', (headers) => {
    expect(isOtlpExportRequest({ headers })).toBe(true);
  });

  it.each([
    [undefined],
    [{}],
    [{ 'User-Agent': 'undici' }],
    [{ 'User-Agentx': OTLP_EXPORT_USER_AGENT }],
    [{ 'x-user-agent': OTLP_EXPORT_USER_AGENT }],
    [['User-Agent', OTLP_EXPORT_USER_AGENT]],
  ])('should trace any other request: %j', (headers) => {
    expect(isOtlpExportRequest({ headers } as never)).toBe(false);
  });

  it('should be the ignoreOutgoingRequestHook of the http instrumentation it builds', () => {
    const config = loadConfig({ env: { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http' } });
    const [http] = createInstrumentations(config.instrumentations);
    if (http === undefined) throw new Error('the http instrumentation was not built');
    const hook = (http.getConfig() as HttpInstrumentationConfig).ignoreOutgoingRequestHook;
    expect(hook?.({ headers: { 'User-Agent': OTLP_EXPORT_USER_AGENT } })).toBe(true);
    expect(hook?.({ headers: { 'User-Agent': 'curl' } })).toBe(false);
  });
});
