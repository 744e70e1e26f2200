import { createRequire } from 'node:module';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { InstrumentationName } from '@proc/telemetry-config';
import { isOtlpExportRequest } from './is-otlp-export-request.js';

// Each instrumentation is required when its name is enabled, not when this package is loaded: an
// app that enables none (the default) loads none of them. The ESM build gets
// `createRequire(import.meta.url)` here (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

type Http = typeof import('@opentelemetry/instrumentation-http');
type Undici = typeof import('@opentelemetry/instrumentation-undici');
type KafkaJs = typeof import('@opentelemetry/instrumentation-kafkajs');
type Pino = typeof import('@opentelemetry/instrumentation-pino');
type RuntimeNode = typeof import('@opentelemetry/instrumentation-runtime-node');

/**
 * One constructor per name, each built disabled (`enabled: false`): an instrumentation that is
 * constructed enabled patches modules at once, and only `@proc/telemetry` enables (registers)
 * them, before the app loads what they patch.
 */
export const FACTORIES: Readonly<Record<InstrumentationName, () => Instrumentation>> = {
  // Spans and metrics with the stable HTTP semantic conventions (http.request.method, url.full,
  // http.response.status_code), the only ones the 0.2xx line emits. Our own OTLP exports are
  // never traced (see isOtlpExportRequest).
  http: () => {
    const { HttpInstrumentation } = requireFromHere('@opentelemetry/instrumentation-http') as Http;
    return new HttpInstrumentation({
      enabled: false,
      ignoreOutgoingRequestHook: isOtlpExportRequest,
    });
  },
  // Node's global fetch is undici: its diagnostics channels give client spans for fetch too.
  undici: () => {
    const { UndiciInstrumentation } = requireFromHere(
      '@opentelemetry/instrumentation-undici',
    ) as Undici;
    return new UndiciInstrumentation({ enabled: false });
  },
  kafkajs: () => {
    const { KafkaJsInstrumentation } = requireFromHere(
      '@opentelemetry/instrumentation-kafkajs',
    ) as KafkaJs;
    return new KafkaJsInstrumentation({ enabled: false });
  },
  // Log correlation (trace_id, span_id, trace_flags in each line) and log sending: every record
  // also goes to the global LoggerProvider, in the caller's context, so it carries the span's ids.
  pino: () => {
    const { PinoInstrumentation } = requireFromHere('@opentelemetry/instrumentation-pino') as Pino;
    return new PinoInstrumentation({ enabled: false });
  },
  'runtime-node': () => {
    const { RuntimeNodeInstrumentation } = requireFromHere(
      '@opentelemetry/instrumentation-runtime-node',
    ) as RuntimeNode;
    return new RuntimeNodeInstrumentation({ enabled: false });
  },
};
