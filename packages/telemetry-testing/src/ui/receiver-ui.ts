// startReceiverUi: the web view of a receiver, a page and its JSON endpoints on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { listen } from '../internal/server.js';
import { checkInteger } from '../render/text.js';
import type { ReceiverUi, ReceiverUiOptions, ReceiverUiSource } from '../types.js';
import { safeJson } from './json-values.js';
import { type ApiAnswer, ApiError, answerApi, type UiLimits } from './ui-api.js';
import { renderViewerPage } from './viewer-page.js';

/** The only interface the view listens on. */
const LOOPBACK = '127.0.0.1';
/**
 * The port the `otlp-receiver --ui` and the demo's web view try first: 8318, beside the OTLP/HTTP
 * port 4318, so the URL is easy to remember. {@link startReceiverUi} itself defaults to a free port.
 */
export const DEFAULT_UI_PORT = 8318;

/** Longest request target accepted (path and query). */
export const MAX_URL_CHARS = 2048;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = safeJson(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendPage(res: http.ServerResponse, refreshMillis: number): void {
  // A fresh nonce per page: the inline script and style are the only ones allowed to run.
  const nonce = randomBytes(16).toString('base64');
  const page = renderViewerPage({ nonce, refreshMillis });
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy':
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; ` +
      "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'content-length': Buffer.byteLength(page),
  });
  res.end(page);
}

/**
 * Whether the `Host` header names this server by a loopback name: a page of another site that
 * points its own host name at 127.0.0.1 (DNS rebinding) must not read the traces.
 */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  return (
    host !== undefined &&
    [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase())
  );
}

const failure = (status: number, message: string): ApiAnswer => ({
  status,
  body: { error: { status, message: `@proc/telemetry-testing: ${message}` } },
});

/** What a request gets: the page, or a JSON answer (an error included). */
function route(
  source: ReceiverUiSource,
  limits: UiLimits,
  port: number,
  req: http.IncomingMessage,
): ApiAnswer | 'page' {
  const target = req.url ?? '/';
  if (target.length > MAX_URL_CHARS) {
    return failure(
      414,
      `the request target is ${target.length} characters; at most ${MAX_URL_CHARS} are accepted`,
    );
  }
  if (!isLoopbackHost(req.headers.host, port)) {
    return failure(
      403,
      `the web view answers only to 127.0.0.1:${port} or localhost:${port}, got host ${JSON.stringify(req.headers.host ?? '')}`,
    );
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return failure(405, `${req.method} is not allowed; the web view takes GET`);
  }
  const url = new URL(target, `http://${LOOPBACK}`);
  if (url.pathname === '/' || url.pathname === '/index.html') return 'page';
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    try {
      return answerApi(source, limits, url.pathname.slice(4), url.searchParams);
    } catch (error) {
      if (error instanceof ApiError)
        return {
          status: error.status,
          body: { error: { status: error.status, message: error.message } },
        };
      throw error;
    }
  }
  return failure(
    404,
    `nothing at ${JSON.stringify(url.pathname.slice(0, 64))}; the page is at / and the JSON endpoints under /api/`,
  );
}

/**
 * Starts the web view of a receiver on 127.0.0.1: a page (its CSS and script inline, nothing
 * loaded from elsewhere) with the trace list and search, a waterfall per trace, span details
 * with links to follow, metric charts and the logs, refreshed as data arrives; and the JSON
 * endpoints it reads (`/api/summary`, `/api/traces?q=`, `/api/traces/<id>`, `/api/metrics`,
 * `/api/metrics/<name>`, `/api/logs?q=&traceId=&minSeverity=`).
 *
 * It reads only the receiver's public queries, so what it shows is what the receiver keeps:
 * start the receiver with `maxRecords` for a long run. Trace data is untrusted: the page puts it
 * in the document as text only, and the answers escape `<`, `>` and `&`.
 *
 * @example
 * const receiver = await startOtlpReceiver({ maxRecords: 100_000 });
 * const ui = await startReceiverUi(receiver, { port: 8318 });
 * console.log(`traces at ${ui.url}`);
 * // … later
 * await ui.stop();
 * await receiver.stop();
 *
 * @throws RangeError when a port, interval or limit is not an integer in its range.
 */
export async function startReceiverUi(
  receiver: ReceiverUiSource,
  options: ReceiverUiOptions = {},
): Promise<ReceiverUi> {
  checkInteger('port', options.port, 0);
  if (options.port !== undefined && options.port > 65535) {
    throw new RangeError(
      `@proc/telemetry-testing: port must be an integer from 0 to 65535; got ${options.port}.`,
    );
  }
  checkInteger('refreshMillis', options.refreshMillis, 100);
  checkInteger('maxTraces', options.maxTraces, 1);
  checkInteger('maxSpansPerTrace', options.maxSpansPerTrace, 1);
  checkInteger('maxLogs', options.maxLogs, 1);
  checkInteger('maxSeries', options.maxSeries, 1);
  checkInteger('maxPointsPerSeries', options.maxPointsPerSeries, 2);
  const limits: UiLimits = {
    maxTraces: options.maxTraces ?? 200,
    maxSpansPerTrace: options.maxSpansPerTrace ?? 2000,
    maxLogs: options.maxLogs ?? 500,
    maxSeries: options.maxSeries ?? 50,
    maxPointsPerSeries: options.maxPointsPerSeries ?? 300,
  };
  const refreshMillis = options.refreshMillis ?? 2000;
  let port = options.port ?? 0;
  const server = http.createServer((req, res) => {
    try {
      const answer = route(receiver, limits, port, req);
      if (answer === 'page') sendPage(res, refreshMillis);
      else {
        if (answer.status === 405) res.setHeader('allow', 'GET, HEAD');
        sendJson(res, answer.status, answer.body);
      }
    } catch (error) {
      // A bug here must not take the receiver (or the app it runs in) down with it.
      if (res.headersSent) res.destroy();
      else {
        const message = error instanceof Error ? error.message : String(error);
        const answer = failure(500, `internal error: ${message}`);
        sendJson(res, answer.status, answer.body);
      }
    }
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.maxHeadersCount = 100;
  // Malformed HTTP (or headers past Node's size limit) gets a 4xx, not an exception.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`,
    );
  });
  port = await listen(server, port, LOOPBACK);
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}
