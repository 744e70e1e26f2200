import { flatAttributes, type OtlpJsonAttribute } from './otlp-json.js';

/** OTLP span kinds (`Span.SpanKind` in trace.proto; the JS API's `SpanKind` counts from 0). */
export const OTLP_SPAN_KIND = {
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;

/** A span as Jaeger's api_v3 returns it (OTLP JSON), flattened with its service name. */
export interface StoredSpan {
  service: string;
  /** The resource's attributes (`service.instance.id`, `processor.worker.id`, …). */
  resource: Record<string, string | number | boolean>;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
  links: {
    traceId: string;
    spanId: string;
    attributes: Record<string, string | number | boolean>;
  }[];
}

interface OtlpJsonTraces {
  result?: {
    resourceSpans?: {
      resource?: { attributes?: OtlpJsonAttribute[] };
      scopeSpans?: {
        spans?: {
          traceId: string;
          spanId: string;
          parentSpanId?: string;
          name: string;
          kind: number;
          attributes?: OtlpJsonAttribute[];
          links?: { traceId: string; spanId: string; attributes?: OtlpJsonAttribute[] }[];
        }[];
      }[];
    }[];
  };
}

function flatten(body: OtlpJsonTraces): StoredSpan[] {
  const spans: StoredSpan[] = [];
  for (const rs of body.result?.resourceSpans ?? []) {
    const resource = flatAttributes(rs.resource?.attributes);
    const service = String(resource['service.name'] ?? '');
    for (const ss of rs.scopeSpans ?? []) {
      for (const span of ss.spans ?? []) {
        spans.push({
          service,
          resource,
          traceId: span.traceId,
          spanId: span.spanId,
          ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
          name: span.name,
          kind: span.kind,
          attributes: flatAttributes(span.attributes),
          links: (span.links ?? []).map((l) => ({
            traceId: l.traceId,
            spanId: l.spanId,
            attributes: flatAttributes(l.attributes),
          })),
        });
      }
    }
  }
  return spans;
}

/** Jaeger's query API v3 (OTLP JSON): https://www.jaegertracing.io/docs/latest/apis/ */
export function jaegerApi(port: number) {
  const base = `http://127.0.0.1:${port}/api/v3`;
  const get = async (url: string): Promise<StoredSpan[]> => {
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    // "no traces found" is a 404 in api_v3.
    if (response.status === 404) return [];
    if (response.status !== 200)
      throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 500)}`);
    return flatten(JSON.parse(body) as OtlpJsonTraces);
  };
  return {
    /**
     * Every span stored for `service` whose trace started in the last hour, as stored (raw:
     * without Jaeger's adjusters, so a span stored twice shows twice).
     */
    spansOf(service: string): Promise<StoredSpan[]> {
      const now = Date.now();
      const params = new URLSearchParams({
        'query.service_name': service,
        'query.start_time_min': new Date(now - 3_600_000).toISOString(),
        'query.start_time_max': new Date(now + 60_000).toISOString(),
        'query.num_traces': '100000',
        'query.raw_traces': 'true',
      });
      return get(`${base}/traces?${params}`);
    },
    /** The spans of one trace. */
    trace(traceId: string): Promise<StoredSpan[]> {
      return get(`${base}/traces/${traceId}?query.raw_traces=true`);
    },
  };
}
