import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ROOT_CONTEXT,
  SpanKind,
  type TextMapPropagator,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { createPropagator, extractContext, injectContext } from '@proc/telemetry-context';
import { type Limits, resolveLimits } from './limits.js';
import { post } from './post.js';
import { readBody } from './read-body.js';

/** Options of {@link startConformanceServer}. */
export interface ConformanceServerOptions {
  /** Port to listen on; `0` picks a free one. Default 5000. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Where the server and client spans come from. Default: a `BasicTracerProvider` that exports nothing. */
  tracerProvider?: TracerProvider;
  /** Default: W3C Trace Context from `createPropagator(['tracecontext'])`. */
  propagator?: TextMapPropagator;
  /**
   * Largest `POST /test` body read, in bytes; a larger one gets `413` and its connection is
   * closed without reading the rest. An integer >= 1. Default 1 MiB (1048576); CLI
   * `--max-body-bytes`.
   */
  maxBodyBytes?: number;
  /**
   * Deadline of each callback `POST`, in milliseconds, from connecting to the end of the
   * response; a callback that has not answered by then is reported with an `error` and the next
   * call goes on. Default 3000 (under the W3C harness's 5 s); CLI `--call-timeout-millis`.
   */
  callTimeoutMillis?: number;
}

/** A running validation service. */
export interface ConformanceServer {
  /** `http://<host>:<port>`; the harness posts to `${url}/test`. */
  url: string;
  /** The port bound (the one picked when `port` was `0`). */
  port: number;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

/** One call the harness asks for: `POST url` with `arguments` as the JSON body. */
interface Call {
  url: string;
  arguments: unknown;
}

function isCall(value: unknown): value is Call {
  return typeof value === 'object' && value !== null && typeof (value as Call).url === 'string';
}

async function handleTest(
  req: IncomingMessage,
  res: ServerResponse,
  tracer: Tracer,
  propagator: TextMapPropagator,
  limits: Limits,
): Promise<void> {
  const text = await readBody(req, limits.maxBodyBytes);
  if (text === undefined) {
    // Answer, then close rather than read the rest: reading it would be the unbounded work the
    // limit is there to prevent.
    res
      .writeHead(413, { 'content-type': 'text/plain', connection: 'close' })
      .end(
        `request body over ${limits.maxBodyBytes} bytes (the maxBodyBytes option, --max-body-bytes)\n`,
        () => req.destroy(),
      );
    return;
  }
  let calls: unknown;
  try {
    calls = JSON.parse(text);
  } catch {
    calls = undefined;
  }
  if (!Array.isArray(calls) || !calls.every(isCall)) {
    res
      .writeHead(400, { 'content-type': 'text/plain' })
      .end('expected a JSON array of { url, arguments }\n');
    return;
  }
  // As a real service: extract, start a server span, inject a client span into each call.
  const parent = extractContext(req.headers, ROOT_CONTEXT, { propagator });
  const server = tracer.startSpan('POST /test', { kind: SpanKind.SERVER }, parent);
  const serverContext = trace.setSpan(parent, server);
  const results: { url: string; status?: number; error?: string }[] = [];
  for (const call of calls) {
    const client = tracer.startSpan('POST', { kind: SpanKind.CLIENT }, serverContext);
    const headers = injectContext(
      { 'content-type': 'application/json' },
      trace.setSpan(serverContext, client),
      {
        propagator,
      },
    );
    try {
      results.push({
        url: call.url,
        status: await post(
          call.url,
          JSON.stringify(call.arguments ?? []),
          headers,
          limits.callTimeoutMillis,
        ),
      });
    } catch (error) {
      results.push({ url: call.url, error: (error as Error).message });
    } finally {
      client.end();
    }
  }
  server.end();
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(results));
}

/**
 * Starts the W3C Trace Context validation service: `POST /test` with a JSON array of
 * `{ url, arguments }` makes, in order, one `POST url` per element with `arguments` as the body,
 * propagating the incoming trace context through a server span and a client span per call.
 */
export async function startConformanceServer(
  options: ConformanceServerOptions = {},
): Promise<ConformanceServer> {
  const tracer = (options.tracerProvider ?? new BasicTracerProvider()).getTracer(
    '@proc/trace-context-conformance',
  );
  const propagator = options.propagator ?? createPropagator(['tracecontext']);
  const limits = resolveLimits(options);
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/test') {
      handleTest(req, res, tracer, propagator, limits).catch((error: Error) => {
        res.writeHead(500).end(`${error.message}\n`);
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(options.port ?? 5000, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
