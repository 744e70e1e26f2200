import { getJson } from './get-json.js';

interface PrometheusAnswer<T> {
  status: 'success' | 'error';
  data: T;
}

/** One sample of an instant query. */
export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** The exemplars of one series. */
export interface PromExemplars {
  seriesLabels: Record<string, string>;
  exemplars: { labels: Record<string, string>; value: string; timestamp: number }[];
}

/** Prometheus' HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/). */
export function prometheusApi(port: number) {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const get = async <T>(path: string, params: Record<string, string>) =>
    (await getJson<PrometheusAnswer<T>>(`${base}/${path}?${new URLSearchParams(params)}`)).data;
  const query = (expr: string) =>
    get<{ result: PromSample[] }>('query', { query: expr }).then((d) => d.result);
  return {
    query,
    /** The value of a query that sums to one number; undefined while it has no series. */
    async scalar(expr: string): Promise<number | undefined> {
      const [sample] = await query(expr);
      return sample ? Number(sample.value[1]) : undefined;
    },
    /** The metric names of every series matching `selector`. */
    async seriesNames(selector: string): Promise<string[]> {
      const series = await get<Record<string, string>[]>('series', { 'match[]': selector });
      return [...new Set(series.map((s) => s.__name__!))].sort();
    },
    /** The values of `label` on the series of `metric`. */
    labelValues: (label: string, metric: string) =>
      get<string[]>(`label/${label}/values`, { 'match[]': metric }),
    exemplars: (expr: string, startSeconds: number, endSeconds: number) =>
      get<PromExemplars[]>('query_exemplars', {
        query: expr,
        start: String(startSeconds),
        end: String(endSeconds),
      }),
  };
}
