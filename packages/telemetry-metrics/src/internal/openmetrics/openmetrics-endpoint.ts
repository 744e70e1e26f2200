import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { logger } from '../diag.js';
import { acceptsOpenMetrics } from './accepts-openmetrics.js';

/** Where Prometheus scrapes, as the exporter's default endpoint. */
const PATH = '/metrics';
export const OPENMETRICS_CONTENT_TYPE =
  'application/openmetrics-text; version=1.0.0; charset=utf-8';

/** Options of {@link startOpenMetricsEndpoint}. */
export interface OpenMetricsEndpointOptions {
  host: string;
  port: number;
  /** Answers a scrape that does not ask for OpenMetrics: the exporter's own text handler. */
  text(request: IncomingMessage, response: ServerResponse): void;
  /** Collects and renders one OpenMetrics exposition. */
  openMetrics(): Promise<string>;
}

/** A running endpoint. */
export interface OpenMetricsEndpoint {
  /** Stops listening; resolves once the server closed (at once when it never listened). */
  close(): Promise<void>;
}

/**
 * Serves `http://host:port/metrics`: OpenMetrics to a scraper whose `Accept` header asks for it
 * (Prometheus does), the exporter's text format to any other; 404 elsewhere and 400 for a URL
 * that does not parse, as the exporter's own server answers. Listens at once; a failure to listen
 * (port in use) is reported through diag. The server does not keep the process alive.
 */
export function startOpenMetricsEndpoint(options: OpenMetricsEndpointOptions): OpenMetricsEndpoint {
  const base = `http://${options.host}:${options.port}/`;
  const server = createServer((request, response) => {
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '', base).pathname;
    } catch {
      response.statusCode = 400;
      response.end('Bad Request');
      return;
    }
    if (pathname !== PATH) {
      response.statusCode = 404;
      response.end();
    } else if (!acceptsOpenMetrics(request.headers.accept)) {
      options.text(request, response);
    } else {
      options.openMetrics().then(
        (body) => {
          response.statusCode = 200;
          response.setHeader('content-type', OPENMETRICS_CONTENT_TYPE);
          response.end(body);
        },
        (error: unknown) => {
          logger.error('Prometheus endpoint: the collection could not be rendered', error);
          // A comment is no valid OpenMetrics: fail the scrape instead of serving a partial one.
          response.statusCode = 500;
          response.end();
        },
      );
    }
  }).unref();
  let closing = false;
  server.once('error', (error) =>
    logger.error(`Prometheus endpoint: cannot listen on ${options.host}:${options.port}`, error),
  );
  // Closed before it listened: close once it does.
  server.once('listening', () => closing && server.close());
  server.listen({ host: options.host, port: options.port });
  return {
    close: () =>
      new Promise((resolve) => {
        closing = true;
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
      }),
  };
}
