import { SeverityNumber } from '@opentelemetry/api-logs';
import { loadConfig } from '@proc/telemetry-config';
import { initLoggerProvider, shutdownLoggerProvider } from '@proc/telemetry-logs';
import { createResource } from '@proc/telemetry-resource';

const config = loadConfig(); // OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_ENDPOINT, ...
const logging = initLoggerProvider(
  config.logs,
  await createResource(config.service, config.resource),
);

logging.getLogger('orders').emit({
  severityNumber: SeverityNumber.WARN,
  severityText: 'WARN',
  body: 'payment retried',
  attributes: { 'order.id': 'o-1' },
}); // inside a span, the record carries its trace id, span id and flags

const report = await shutdownLoggerProvider(logging, { timeoutMillis: 5000 });
console.log('log records exported:', report.exported);
