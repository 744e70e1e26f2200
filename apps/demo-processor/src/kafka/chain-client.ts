import { ROOT_CONTEXT, SpanKind, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import { injectIntoHeaders, recordException, setBaggage } from '@proc/telemetry';
import type { Logger } from '../logger.js';

/** What the relay answered for one order. */
export interface RelayedOrder {
  traceId: string;
  partition: number;
  offset: number;
}

/**
 * The Node start of the Node → Python → Node chain: POSTs an order to the chain relay in a
 * `POST` span (kind `CLIENT`, a new trace) whose context and baggage (`demo.tenant`,
 * `demo.request.id`) travel in the W3C headers. The relay continues the trace and writes one
 * record to the chain topic, which a worker consumes as a child of the relay's span.
 */
export function createChainClient(options: {
  relayUrl: string;
  tenant: string;
  logger: Logger;
  tracer?: Tracer;
  timeoutMillis?: number;
}) {
  const tracer = options.tracer ?? trace.getTracer('@proc/demo-processor');
  const target = new URL('/orders', options.relayUrl);
  let sent = 0;
  let failed = 0;
  return {
    async post(order: { id: string; amount: number }): Promise<RelayedOrder | undefined> {
      const withBaggage = setBaggage(ROOT_CONTEXT, {
        'demo.tenant': options.tenant,
        'demo.request.id': order.id,
      });
      const span = tracer.startSpan(
        'POST',
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'http.request.method': 'POST',
            'url.full': target.href,
            'server.address': target.hostname,
            'server.port': Number(target.port || 80),
          },
        },
        withBaggage,
      );
      const headers = injectIntoHeaders(undefined, { context: trace.setSpan(withBaggage, span) });
      try {
        const response = await fetch(target, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(order),
          signal: AbortSignal.timeout(options.timeoutMillis ?? 10_000),
        });
        span.setAttribute('http.response.status_code', response.status);
        const body = (await response.json()) as {
          trace_id?: string;
          partition?: number;
          offset?: number;
          error?: string;
        };
        if (response.status !== 202) {
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: body.error ?? `HTTP ${response.status}`,
          });
          failed++;
          options.logger.warn('chain relay refused the order', {
            status: response.status,
            error: body.error,
          });
          return undefined;
        }
        sent++;
        options.logger.info('chain order sent', { id: order.id, order_trace_id: body.trace_id });
        return {
          traceId: body.trace_id ?? '',
          partition: body.partition ?? -1,
          offset: body.offset ?? -1,
        };
      } catch (error) {
        recordException(span, error);
        failed++;
        options.logger.warn('chain relay not reached', { error: (error as Error).message });
        return undefined;
      } finally {
        span.end();
      }
    },
    get sent() {
      return sent;
    },
    get failed() {
      return failed;
    },
  };
}
