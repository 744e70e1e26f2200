/**
 * The `User-Agent` of every OTLP/HTTP export request `@proc/telemetry-otlp` sends. The http
 * instrumentation that `@proc/telemetry-instrumentations` builds ignores requests carrying it, so
 * an export never becomes a span, whatever order an app sets things up in (without that, an app
 * with no context manager that enables the instrumentation before making its exporter traces each
 * export, and exports that span with the next, without end).
 */
export const OTLP_EXPORT_USER_AGENT = 'proc-telemetry-otlp';
