import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { RuntimeNodeInstrumentation } from '@opentelemetry/instrumentation-runtime-node';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import type { InstrumentationName } from '@proc/telemetry-config';

/**
 * One constructor per name, each built disabled (`enabled: false`): an instrumentation that is
 * constructed enabled patches modules at once, and only `@proc/telemetry` enables (registers)
 * them, before the app loads what they patch.
 */
export const FACTORIES: Readonly<Record<InstrumentationName, () => Instrumentation>> = {
  // Spans and metrics with the stable HTTP semantic conventions (http.request.method, url.full,
  // http.response.status_code), the only ones the 0.2xx line emits.
  http: () => new HttpInstrumentation({ enabled: false }),
  // Node's global fetch is undici: its diagnostics channels give client spans for fetch too.
  undici: () => new UndiciInstrumentation({ enabled: false }),
  kafkajs: () => new KafkaJsInstrumentation({ enabled: false }),
  // Log correlation (trace_id, span_id, trace_flags in each line) and log sending: every record
  // also goes to the global LoggerProvider, in the caller's context, so it carries the span's ids.
  pino: () => new PinoInstrumentation({ enabled: false }),
  'runtime-node': () => new RuntimeNodeInstrumentation({ enabled: false }),
};
