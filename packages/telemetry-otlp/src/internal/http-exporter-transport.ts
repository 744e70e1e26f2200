import type * as http from 'node:http';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { type AgentOptions, Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type IExporterTransport, OTLPExporterError } from '@opentelemetry/otlp-exporter-base';
import { isRetryableHttpStatus } from '../is-retryable-http-status.js';
import { parseRetryAfter, RetryableExportError } from './retryable-export-error.js';

/** As the SDK's transport: a bigger answer to an export is not a collector's. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Connection errors worth a retry: the collector may be restarting or not up yet. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** What `createHttpExporterTransport()` sends with. */
export interface HttpExporterTransportOptions {
  url: string;
  /** Every header of the request, content type included. */
  headers: Record<string, string>;
  /** `gzip`: every body arrives gzipped (`createOtlpSender()` sees to it) and is labelled so. */
  compression: 'gzip' | 'none';
  /** The connection agent's options, TLS files included (left out for an `http:` URL). */
  agentOptions: AgentOptions;
}

/**
 * The keep-alive agent of one transport, made on its first send: as the SDK's
 * `httpAgentFactoryFromOptions()` makes it (the TLS material only for `https:`), without its
 * dynamic `import()` of `http`/`https`, which would start Node's ESM loader at the first export
 * (this module imports them already).
 */
function createAgent(protocol: string, options: AgentOptions): http.Agent {
  if (protocol === 'https:') return new HttpsAgent(options);
  const { ca: _ca, cert: _cert, key: _key, ...plaintext } = options;
  return new HttpAgent(plaintext);
}

/**
 * One OTLP/HTTP POST per `send()`, never retried here: the SDK's HTTP delegate retries inside
 * the export timeout (up to 5 more attempts, whatever `export.retry` says), so its transport is
 * replaced by this one and every retry is the delivery queue's. A retryable failure resolves
 * as `retryable` with a `RetryableExportError` carrying the server's `Retry-After`, which the
 * SDK's delegate passes through as the export's error.
 */
export function createHttpExporterTransport(
  options: HttpExporterTransportOptions,
): IExporterTransport {
  const url = new URL(options.url);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  let agent: http.Agent | undefined;
  return {
    async send(data, timeoutMillis) {
      agent ??= createAgent(url.protocol, options.agentOptions);
      const headers: Record<string, string> = { ...options.headers };
      if (options.compression === 'gzip') headers['Content-Encoding'] = 'gzip';
      headers['Content-Length'] = String(data.byteLength);
      return post(request, url, { method: 'POST', headers, agent }, data, timeoutMillis);
    },
    shutdown() {
      // Called once the delegate's sends have settled: close the keep-alive sockets.
      agent?.destroy();
    },
  };
}

function post(
  request: typeof httpRequest,
  url: URL,
  options: http.RequestOptions,
  body: Uint8Array,
  timeoutMillis: number,
): ReturnType<IExporterTransport['send']> {
  return new Promise((resolve) => {
    const req = request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          resolve({
            status: 'failure',
            error: new Error(`OTLP export response larger than ${MAX_RESPONSE_BYTES} bytes`),
          });
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error) => resolve(answer(res, Buffer.concat(chunks), error)));
      res.on('end', () => resolve(answer(res, Buffer.concat(chunks))));
    });
    req.setTimeout(timeoutMillis, () => {
      req.destroy();
      resolve({ status: 'retryable', error: new RetryableExportError('Request timed out') });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      resolve(
        typeof error.code === 'string' && RETRYABLE_NETWORK_CODES.has(error.code)
          ? {
              status: 'retryable',
              error: new RetryableExportError(error.message, { cause: error }),
            }
          : { status: 'failure', error },
      );
    });
    req.end(body);
  });
}

/** The export's outcome from the collector's answer (a read error after a 2xx is a delivery). */
function answer(
  res: http.IncomingMessage,
  data: Buffer,
  readError?: Error,
): Awaited<ReturnType<IExporterTransport['send']>> {
  const status = res.statusCode ?? 0;
  if (status >= 200 && status <= 299) {
    return readError ? { status: 'success' } : { status: 'success', data };
  }
  if (isRetryableHttpStatus(status)) {
    const retryInMillis = parseRetryAfter(res.headers['retry-after']);
    const message = `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`;
    return {
      status: 'retryable',
      error: new RetryableExportError(
        message,
        retryInMillis === undefined ? {} : { retryInMillis },
      ),
    };
  }
  return {
    status: 'failure',
    error: readError ?? new OTLPExporterError(res.statusMessage, status, data.toString()),
  };
}
