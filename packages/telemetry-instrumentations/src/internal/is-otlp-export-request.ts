import type { RequestOptions } from 'node:http';
import { OTLP_EXPORT_USER_AGENT } from '@proc/telemetry-config';

/**
 * Whether an outgoing request is an OTLP/HTTP export of `@proc/telemetry-otlp` (its `User-Agent`),
 * which the http instrumentation must not trace: a traced export is exported by the next one,
 * and so on without end, wherever tracing is not suppressed (no context manager). The
 * instrumentation's `ignoreOutgoingRequestHook`.
 */
export function isOtlpExportRequest(request: RequestOptions): boolean {
  const headers = request.headers;
  if (headers === undefined || headers === null || Array.isArray(headers)) return false;
  for (const name in headers) {
    if (name.length !== 10 || name.toLowerCase() !== 'user-agent') continue;
    const value = (headers as Record<string, unknown>)[name];
    if (value === OTLP_EXPORT_USER_AGENT) return true;
    if (Array.isArray(value) && value.includes(OTLP_EXPORT_USER_AGENT)) return true;
  }
  return false;
}
