import {
  type ExportConfig,
  explainConfig,
  type OtlpEndpoint,
  type PrometheusConfig,
  parseOtlpEndpoint,
  redactUrl,
  type TelemetryConfig,
} from '@proc/telemetry-config';
import { classifyFailure } from './internal/classify-failure.js';
import { describeFinding, type FindingContext } from './internal/describe-finding.js';
import { closeSender, openSender, probeExport } from './internal/probe-export.js';
import { checkListen } from './internal/probe-prometheus.js';
import { redactError } from './internal/redact-error.js';
import { sniffPort, tcpConnect } from './internal/sniff-port.js';
import type {
  DiagnoseTelemetryOptions,
  Diagnosis,
  DoctorFinding,
  DoctorFindingCode,
  DoctorSignal,
} from './types.js';

const DEFAULT_TIMEOUT_MILLIS = 5000;
const SIGNALS: readonly DoctorSignal[] = ['traces', 'metrics', 'logs'];

/** What the doctor reads of a signal's section (traces, metrics, and logs where configured). */
interface SignalSection {
  enabled: boolean;
  exporter: readonly string[];
  export: ExportConfig;
  prometheus?: PrometheusConfig;
}

/** The section of `signal`, when this configuration has one. */
function sectionOf(config: TelemetryConfig, signal: DoctorSignal): SignalSection | undefined {
  const section = (config as unknown as Partial<Record<DoctorSignal, SignalSection>>)[signal];
  return section !== undefined && typeof section === 'object' ? section : undefined;
}

function checkOptions(options: DiagnoseTelemetryOptions): number {
  const timeout = options.timeoutMillis ?? DEFAULT_TIMEOUT_MILLIS;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    throw new RangeError(
      `@proc/telemetry-doctor: timeoutMillis must be a finite number > 0 (milliseconds), got ${String(timeout)}`,
    );
  }
  for (const signal of options.signals ?? []) {
    if (!SIGNALS.includes(signal)) {
      throw new TypeError(
        `@proc/telemetry-doctor: unknown signal ${JSON.stringify(signal)} in signals; expected one of ${SIGNALS.join(', ')}`,
      );
    }
  }
  return timeout;
}

/** The connection failures a plain TCP connect already names, before any export. */
const CONNECT_CODES: Record<string, DoctorFindingCode> = {
  ECONNREFUSED: 'connection_refused',
  ENOTFOUND: 'host_not_found',
  EAI_AGAIN: 'host_not_found',
  EHOSTUNREACH: 'host_unreachable',
  ENETUNREACH: 'host_unreachable',
};

function finding(
  code: DoctorFindingCode,
  context: FindingContext,
  extra: Partial<DoctorFinding> = {},
): DoctorFinding {
  const text = describeFinding(code, context);
  const result: DoctorFinding = {
    signal: context.signal,
    status: code === 'delivered' ? 'ok' : 'problem',
    code,
    message: text.message,
    endpoint: context.endpoint,
    protocol: context.protocol,
    ...extra,
  };
  if (text.fix !== undefined) result.fix = text.fix;
  const endpointOrigin = context.origins.get('endpoint');
  if (endpointOrigin !== undefined) result.endpointOrigin = endpointOrigin;
  if (context.error !== undefined) result.error = context.error;
  if (context.durationMillis !== undefined) result.durationMillis = context.durationMillis;
  return result;
}

/** Probes one signal's OTLP endpoint: connect, export one item, and name what went wrong. */
async function probeOtlp(
  signal: DoctorSignal,
  section: SignalSection,
  serviceName: string,
  origins: ReadonlyMap<string, string>,
  timeoutMillis: number,
): Promise<DoctorFinding> {
  const config = section.export;
  const endpoint = redactUrl(config.endpoint);
  const address = parseOtlpEndpoint(config.endpoint, config.tls.insecure) as OtlpEndpoint;
  const context: FindingContext = {
    signal,
    protocol: config.protocol,
    endpoint,
    address,
    origins,
    headerNames: Object.keys(config.headers),
    timeoutMillis,
  };
  const opened = openSender(signal, config, timeoutMillis);
  if ('error' in opened)
    return finding('tls_files', { ...context, error: redactError(opened.error) });
  try {
    // Refused and unresolvable endpoints are named at once; the transport would retry them
    // until its timeout before saying the same.
    const connected = await tcpConnect(address.host, address.port, timeoutMillis);
    if (connected.status === 'failed' && CONNECT_CODES[connected.code] !== undefined) {
      const code = CONNECT_CODES[connected.code] as DoctorFindingCode;
      return finding(code, { ...context, error: redactError(connected.message) });
    }
    if (connected.status === 'timeout') {
      return finding('host_unreachable', {
        ...context,
        error: `no TCP connection within ${timeoutMillis} ms`,
      });
    }
    const probe = await probeExport(opened.sender, signal, serviceName, timeoutMillis);
    const timed = { ...context, durationMillis: probe.durationMillis };
    if (probe.status === 'delivered') return finding('delivered', timed);
    if (probe.status === 'timeout') return finding('no_answer', timed);
    const code = await classifyFailure(probe.error, {
      protocol: config.protocol,
      signal,
      address,
      hasHeaders: context.headerNames.length > 0,
      sniff: () => sniffPort(address.host, address.port, timeoutMillis),
    });
    return finding(code, { ...timed, error: redactError(probe.error) });
  } finally {
    await closeSender(opened.sender);
  }
}

/** Checks that the Prometheus endpoint can listen where it is configured to. */
async function probePrometheus(prometheus: PrometheusConfig): Promise<DoctorFinding> {
  const { host, port } = prometheus;
  const where = `${host}:${port}`;
  const result = await checkListen(host, port);
  const base = { signal: 'metrics' as const, endpoint: `http://${where}/metrics` };
  if (result.status === 'free') {
    return {
      ...base,
      status: 'ok',
      code: 'prometheus_port_free',
      message: `the Prometheus endpoint can listen on http://${where}/metrics`,
    };
  }
  if (result.code === 'EADDRINUSE') {
    return {
      ...base,
      status: 'problem',
      code: 'prometheus_port_in_use',
      message: `the Prometheus port ${where} is already in use`,
      fix: 'set OTEL_EXPORTER_PROMETHEUS_PORT (metrics.prometheus.port) to a free port, or stop the process that holds it (the app itself, if it is running)',
      error: result.message,
    };
  }
  return {
    ...base,
    status: 'problem',
    code: 'prometheus_address_unavailable',
    message: `the Prometheus endpoint cannot listen on ${where} (${result.code})`,
    fix: 'set OTEL_EXPORTER_PROMETHEUS_HOST (metrics.prometheus.host) to an address of this machine (0.0.0.0 for every interface) and OTEL_EXPORTER_PROMETHEUS_PORT to a port above 1023',
    error: result.message,
  };
}

function skipped(signal: DoctorSignal, code: DoctorFindingCode, message: string): DoctorFinding {
  return { signal, status: 'skipped', code, message };
}

/** The export settings' origins of one signal, keyed by field (`endpoint`, `tls.insecure`...). */
function exportOrigins(values: ReturnType<typeof explainConfig>['values'], signal: DoctorSignal) {
  const prefix = `${signal}.export.`;
  const origins = new Map<string, string>();
  for (const { path, origin } of values) {
    if (!path.startsWith(prefix)) continue;
    const field = path.slice(prefix.length);
    origins.set(field.startsWith('headers.') ? 'headers' : field, origin);
  }
  return origins;
}

/**
 * Checks that the telemetry would arrive, as `proc-telemetry doctor` does: resolves the
 * configuration as `initTelemetry()` would from the same options (code, file, `OTEL_*`
 * variables), then for each enabled signal sends one span, one data point or one log record to
 * its endpoint through the transport the app would use (same protocol, TLS files, headers and
 * compression; not a TCP ping), and names the mistake with its fix when it does not arrive:
 * OTLP/HTTP sent to a gRPC port or the reverse, a missing or doubled `/v1/<signal>`, TLS sent to
 * a plain-text port or the reverse, an untrusted certificate, credentials missing or rejected
 * (header values are never printed), a refused port, an unknown or unreachable host, a
 * collector that does not answer; for Prometheus, whether its port is free.
 *
 * Never throws for what it finds: every finding is in the result, with a code to branch on.
 * The probes reach the collector like the app's telemetry (their scope is
 * `proc-telemetry doctor`).
 *
 * @throws TelemetryConfigError (rejects) for an invalid configuration in code or the file, as
 *   `initTelemetry()` would; RangeError for a `timeoutMillis` that is not a finite number > 0;
 *   TypeError for an unknown name in `signals`.
 *
 * @example
 * const diagnosis = await diagnoseTelemetry();
 * for (const finding of diagnosis.findings) {
 *   if (finding.status === 'problem') console.warn(`${finding.signal}: ${finding.message}; ${finding.fix}`);
 * }
 */
export async function diagnoseTelemetry(
  options: DiagnoseTelemetryOptions = {},
): Promise<Diagnosis> {
  const timeoutMillis = checkOptions(options);
  const explanation = explainConfig({
    ...(options.config === undefined ? {} : { config: options.config }),
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  const { config, values } = explanation;
  const origin = (path: string) => values.find((value) => value.path === path)?.origin;
  const signals = options.signals ?? SIGNALS.filter((signal) => sectionOf(config, signal));
  const findings = await Promise.all(
    signals.map((signal): Promise<DoctorFinding> => {
      const section = sectionOf(config, signal);
      if (section === undefined) {
        return Promise.resolve(
          skipped(signal, 'not_configured', `this configuration has no ${signal} signal`),
        );
      }
      if (!section.enabled) {
        return Promise.resolve(
          skipped(signal, 'disabled', `disabled (${origin(`${signal}.enabled`) ?? 'default'})`),
        );
      }
      // One finding per signal: the OTLP export when listed (it crosses the network), else
      // the Prometheus port.
      if (!section.exporter.includes('otlp')) {
        if (section.exporter.includes('prometheus') && section.prometheus !== undefined) {
          return probePrometheus(section.prometheus);
        }
        return Promise.resolve(
          skipped(
            signal,
            'not_exported',
            `exporter ${section.exporter.join(',')}: nothing to probe`,
          ),
        );
      }
      const origins = exportOrigins(values, signal);
      return probeOtlp(signal, section, config.service.name, origins, timeoutMillis);
    }),
  );
  return {
    ok: findings.every((finding) => finding.status !== 'problem'),
    findings,
    configWarnings: explanation.warnings,
  };
}
