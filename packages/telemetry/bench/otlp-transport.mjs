// The pino transport of the benchmark: runs in pino's worker thread, parses each line and emits
// it through its own logger provider (@proc/telemetry-logs), with the trace ids of the line.
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { initLoggerProvider, SeverityNumber } from '@proc/telemetry-logs';
import build from 'pino-abstract-transport';

const SEVERITY = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

export default async function otlpTransport(options) {
  const config = loadConfig({ env: options.env });
  const logging = initLoggerProvider(config.logs);
  const logger = logging.getLogger('pino-transport');
  return build(
    async (source) => {
      for await (const line of source) {
        const { time, level, msg, pid, hostname, trace_id, span_id, trace_flags, ...attributes } =
          line;
        const text = SEVERITY[level] ?? 'INFO';
        logger.emit({
          timestamp: time,
          severityNumber: SeverityNumber[text],
          severityText: text.toLowerCase(),
          body: msg,
          attributes,
          context:
            trace_id === undefined
              ? ROOT_CONTEXT
              : trace.setSpanContext(ROOT_CONTEXT, {
                  traceId: trace_id,
                  spanId: span_id,
                  traceFlags: Number.parseInt(trace_flags, 16),
                }),
        });
      }
    },
    {
      // pino-abstract-transport passes what close() resolves with to the stream's destroy
      // callback, where a value is an error: the shutdown report must not be handed on.
      close: async () => {
        await logging.shutdown({ timeoutMillis: 60_000 });
      },
    },
  );
}
