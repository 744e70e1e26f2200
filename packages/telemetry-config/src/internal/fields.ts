import { isSamplingRatio } from '../is-sampling-ratio.js';
import { parseOtlpEndpoint } from '../parse-otlp-endpoint.js';
import { fileProblem } from './file-problem.js';
import { zod } from './zod-module.js';

/**
 * Field validators shared by the schema of user options and of the resolved config. Each one
 * carries its "expected" text as its only error message, so every issue says what is accepted.
 * They are factories, so zod is loaded only when a schema is built (see `zod-module.ts`); the
 * accepted values and texts below need no zod and are what the env reader checks with.
 */

export const TRACE_EXPORTERS = ['otlp', 'console', 'none'] as const;
export const METRIC_EXPORTERS = ['otlp', 'prometheus', 'console', 'none'] as const;
export const LOG_EXPORTERS = ['otlp', 'console', 'none'] as const;
export const PROTOCOLS = ['grpc', 'http/protobuf', 'http/json'] as const;
export const COMPRESSIONS = ['gzip', 'none'] as const;
export const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export const TEMPORALITIES = ['cumulative', 'delta', 'lowmemory'] as const;
export const EXEMPLAR_FILTERS = ['always_off', 'trace_based', 'always_on'] as const;
export const PROPAGATORS = ['tracecontext', 'baggage', 'b3', 'b3multi', 'jaeger', 'none'] as const;
export const LOG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'] as const;
export const DETECTORS = ['env', 'host', 'os', 'process', 'serviceinstance', 'container'] as const;
export const INSTRUMENTATIONS = ['http', 'undici', 'kafkajs', 'pino', 'runtime-node'] as const;

/** An HTTP header name (RFC 9110 token). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * An HTTP header value Node.js can send: Latin-1 without control characters except tab (what
 * `http.validateHeaderValue` accepts; anything else fails every export).
 */
export const HEADER_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;

export const EXPECTED = {
  boolean: 'true or false',
  string: 'a non-empty string',
  url: 'an http:// or https:// URL',
  endpoint: 'an http:// or https:// URL, or host:port with protocol grpc',
  file: 'a readable file',
  duration: 'an integer > 0 (milliseconds)',
  size: 'an integer >= 1',
  limit: 'an integer >= 0',
  ratio: 'a number from 0 to 1',
  port: 'an integer from 0 to 65535',
  headerName: "an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)",
  headerValue: 'a string of Latin-1 characters (no control characters but tab)',
  attribute: 'a string, number, boolean or an array of one of those',
  oneOf: (values: readonly string[]) => `one of: ${values.join(', ')}`,
  listOf: (values: readonly string[]) => `a list of: ${values.join(', ')}`,
} as const;

const msg = (error: string) => ({ error });

export const booleanField = () => zod().boolean(msg(EXPECTED.boolean));
export const stringField = () => zod().string(msg(EXPECTED.string)).min(1, msg(EXPECTED.string));
/** A file that can be read now (a TLS file given in code or a file), else why not. */
export const readableFileField = () =>
  stringField().superRefine((path, ctx) => {
    const problem = fileProblem(path);
    if (problem !== undefined)
      ctx.addIssue({ code: 'custom', message: `${EXPECTED.file} (${problem})` });
  });
/** A resolved endpoint: a URL, or `host:port` for gRPC (checked against the protocol apart). */
export const endpointField = () =>
  zod()
    .string(msg(EXPECTED.endpoint))
    .refine((value) => parseOtlpEndpoint(value) !== undefined, msg(EXPECTED.endpoint));

export function intField(min: number, max: number | undefined, expected: string) {
  const base = zod().number(msg(expected)).int(msg(expected)).min(min, msg(expected));
  return max === undefined ? base : base.max(max, msg(expected));
}

export const durationField = () => intField(1, undefined, EXPECTED.duration);
export const sizeField = () => intField(1, undefined, EXPECTED.size);
export const limitField = () => intField(0, undefined, EXPECTED.limit);
export const portField = () => intField(0, 65535, EXPECTED.port);
export const ratioField = () =>
  zod().number(msg(EXPECTED.ratio)).refine(isSamplingRatio, msg(EXPECTED.ratio));

export const enumField = <const T extends readonly [string, ...string[]]>(values: T) =>
  zod().enum(values, msg(EXPECTED.oneOf(values)));

export const enumListField = <const T extends readonly [string, ...string[]]>(values: T) =>
  zod().array(zod().enum(values, msg(EXPECTED.oneOf(values))), msg(EXPECTED.listOf(values)));

/**
 * An exporter setting in code or a file: one name (`otlp`) or a list (`[console, otlp]`), as
 * `OTEL_TRACES_EXPORTER` takes a comma list. `[]` exports nothing, like `none` (a serialized
 * config holds it for `none`); `none` may only stand alone (checked apart).
 */
export const exporterOptionField = <const T extends readonly [string, ...string[]]>(values: T) => {
  const expected = `${EXPECTED.oneOf(values)}, or a list of them`;
  return zod().union(
    [zod().enum(values, msg(expected)), zod().array(zod().enum(values, msg(expected)))],
    msg(expected),
  );
};

export const headersField = () =>
  zod().record(
    zod().string().regex(HEADER_NAME, msg(EXPECTED.headerName)),
    zod().string(msg(EXPECTED.headerValue)).regex(HEADER_VALUE, msg(EXPECTED.headerValue)),
    msg('an object of header name to value'),
  );

const finite = () => zod().number(msg(EXPECTED.attribute)).finite(msg(EXPECTED.attribute));
const scalar = () =>
  zod().union([zod().string(), finite(), zod().boolean()], msg(EXPECTED.attribute));

export const attributesField = () =>
  zod().record(
    zod().string().min(1, msg('a non-empty attribute name')),
    zod().union(
      [scalar(), zod().array(zod().string()), zod().array(finite()), zod().array(zod().boolean())],
      msg(EXPECTED.attribute),
    ),
    msg('an object of attribute name to value'),
  );
