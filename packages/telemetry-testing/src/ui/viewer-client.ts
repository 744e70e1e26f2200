/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The script of the web view's page. `viewerClient` runs in the browser: the page holds its
// source (`viewerClient.toString()`), so it must not use anything from outside its own body.
// Every received value reaches the document as a text node or an attribute set through the DOM,
// never as markup: trace data is untrusted.

/** What the server passes to the page's script. */
export interface ViewerClientConfig {
  /** Milliseconds between two polls of `/api/summary`. */
  refreshMillis: number;
}

// Types only (erased): the page's script imports nothing at run time.
import type { MetricSummary } from './metric-views.js';
import type { TraceSummary } from './trace-views.js';

type Pairs = [string, unknown][];

interface SpanLinkRow {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: Pairs;
  traceReceived: boolean;
  spanReceived: boolean;
}

interface SpanRow {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  depth: number;
  name: string;
  service: string;
  kind: string;
  status: { code: string; message: string };
  startMillis: number;
  offsetNanos: number;
  durationNanos: number;
  traceState: string;
  flags: number;
  protocol: string;
  attributes: Pairs;
  events: { name: string; offsetNanos: number; attributes: Pairs }[];
  links: SpanLinkRow[];
  resource: Pairs;
  scope: { name: string; version: string; attributes: Pairs };
}

interface TraceAnswer extends TraceSummary {
  spans: SpanRow[];
  omittedSpans: number;
  linkedFrom: { traceId: string; spanId: string; name: string; service: string }[];
}

interface MetricAnswer {
  name: string;
  type: string;
  unit: string;
  description: string;
  temporality: string;
  valueLabel: string;
  series: { attributes: Pairs; service: string; instance: string; points: [number, number][] }[];
  omittedSeries: number;
}

interface LogRow {
  timeMillis: number;
  severityNumber: number;
  level: string;
  severityText: string;
  body: string;
  eventName: string;
  traceId: string;
  spanId: string;
  traceReceived: boolean;
  service: string;
  scope: string;
  attributes: Pairs;
  resource: Pairs;
}

interface Summary {
  spans: number;
  traces: number;
  metrics: number;
  metricPoints: number;
  logs: number;
  revision: string;
  httpUrl: string;
  grpcUrl: string;
}

/** A view of the page: drawn once when routed to, refreshed when new data arrived. */
interface View {
  refresh(): Promise<void>;
}

/** Runs the page: routing on the URL fragment, the views, and the live refresh. */
export function viewerClient(config: ViewerClientConfig): void {
  type Child = Node | string | number | null | undefined | false;

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: { class?: string; testid?: string; title?: string; href?: string } = {},
    ...children: Child[]
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (props.class) node.className = props.class;
    if (props.testid) node.dataset.testid = props.testid;
    if (props.title) node.title = props.title;
    if (props.href !== undefined) node.setAttribute('href', props.href);
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(typeof child === 'number' ? String(child) : child);
      }
    }
    return node;
  }

  function svg(tag: string, attributes: Record<string, string | number>, text?: string) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function duration(nanos: number): string {
    const n = Math.max(0, nanos);
    if (n < 1e6) return `${Math.round(n / 1000)}µs`;
    if (n < 1e9) return `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)}ms`;
    return `${(n / 1e9).toFixed(2)}s`;
  }

  const clock = (millis: number) => new Date(millis).toISOString().slice(11, 23);
  const when = (millis: number) => new Date(millis).toISOString().replace('T', ' ').slice(0, 23);
  const shortId = (id: string) => id.slice(0, 8);
  const valueText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const number = (value: number) =>
    Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(5)));

  /** A stable hue per service name, so one service keeps its colour across traces. */
  function hue(text: string): number {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 360;
    return h;
  }

  function serviceChip(service: string) {
    const chip = el('span', { class: 'chip', title: 'service.name' }, service || '(no service)');
    chip.style.setProperty('--hue', String(hue(service)));
    return chip;
  }

  function pairsTable(pairs: Pairs, testid: string) {
    if (pairs.length === 0) return el('p', { class: 'muted' }, 'none');
    return el(
      'table',
      { class: 'kv', testid },
      el(
        'tbody',
        {},
        ...pairs.map(([key, value]) =>
          el('tr', {}, el('th', {}, key), el('td', {}, valueText(value))),
        ),
      ),
    );
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await fetch(path, { headers: { accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    return body as T;
  }

  function replaceChildren(node: Element, ...children: Child[]) {
    node.replaceChildren();
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(typeof child === 'number' ? String(child) : child);
      }
    }
  }

  const errorBox = (error: unknown) =>
    el(
      'p',
      { class: 'error', testid: 'view-error' },
      error instanceof Error ? error.message : String(error),
    );

  // ---- the trace list ------------------------------------------------------------------------

  function tracesView(root: HTMLElement, params: URLSearchParams): View {
    const search = el('input', { testid: 'trace-search', title: 'trace id, service or span name' });
    search.type = 'search';
    search.placeholder = 'Search: trace id, service or span name';
    search.value = params.get('q') ?? '';
    const count = el('span', { class: 'muted', testid: 'trace-count' });
    const list = el('div', { class: 'scroll' });
    replaceChildren(root, el('div', { class: 'toolbar' }, search, count), list);
    let timer: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const q = search.value;
        history.replaceState(null, '', q ? `#/traces?q=${encodeURIComponent(q)}` : '#/traces');
        void view.refresh();
      }, 150);
    });
    const view: View = {
      async refresh() {
        const q = search.value;
        const answer = await getJson<{ total: number; matched: number; traces: TraceSummary[] }>(
          `/api/traces?q=${encodeURIComponent(q)}`,
        );
        count.textContent = q
          ? `${answer.matched} of ${answer.total} traces match`
          : `${answer.total} traces`;
        if (answer.traces.length === 0) {
          replaceChildren(
            list,
            el(
              'p',
              { class: 'muted', testid: 'no-traces' },
              answer.total ? 'No trace matches.' : 'No trace received yet.',
            ),
          );
          return;
        }
        const longest = Math.max(...answer.traces.map((t) => t.durationNanos), 1);
        const rows = answer.traces.map((t) => {
          const bar = el('span', { class: 'minibar' });
          bar.style.width = `${Math.max(2, (t.durationNanos / longest) * 100)}%`;
          const row = el(
            'tr',
            { testid: 'trace-row', class: t.errorCount ? 'has-error' : '' },
            el('td', { class: 'mono' }, clock(t.startMillis)),
            el(
              'td',
              {},
              serviceChip(t.rootService),
              t.services.length > 1
                ? el('span', { class: 'muted' }, ` +${t.services.length - 1}`)
                : null,
            ),
            el(
              'td',
              {},
              el('a', { href: `#/trace/${t.traceId}`, testid: 'trace-link' }, t.rootName),
            ),
            el('td', { class: 'mono muted' }, shortId(t.traceId)),
            el('td', { class: 'num' }, t.spanCount),
            el(
              'td',
              { class: 'num' },
              t.errorCount ? el('span', { class: 'bad' }, t.errorCount) : '0',
            ),
            el('td', { class: 'num' }, t.linkCount || ''),
            el(
              'td',
              { class: 'dur' },
              el('span', { class: 'minitrack' }, bar),
              duration(t.durationNanos),
            ),
          );
          row.dataset.traceId = t.traceId;
          row.addEventListener('click', (event) => {
            if ((event.target as Element).closest('a')) return;
            location.hash = `#/trace/${t.traceId}`;
          });
          return row;
        });
        replaceChildren(
          list,
          el(
            'table',
            { class: 'grid', testid: 'trace-list' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ...[
                  'Start (UTC)',
                  'Service',
                  'Root span',
                  'Trace',
                  'Spans',
                  'Errors',
                  'Links',
                  'Duration',
                ].map((h) => el('th', {}, h)),
              ),
            ),
            el('tbody', {}, ...rows),
          ),
        );
      },
    };
    return view;
  }

  // ---- one trace: waterfall and span details ---------------------------------------------------

  function spanDetails(span: SpanRow) {
    const status =
      span.status.code === 'ERROR' ? 'bad' : span.status.code === 'OK' ? 'good' : 'muted';
    const facts: Pairs = [
      ['span id', span.spanId],
      ['parent', span.parentSpanId ?? '(root)'],
      ['kind', span.kind],
      ['start (UTC)', when(span.startMillis)],
      ['duration', duration(span.durationNanos)],
      ['scope', `${span.scope.name}${span.scope.version ? ` ${span.scope.version}` : ''}`],
      ['protocol', span.protocol],
    ];
    if (span.traceState) facts.push(['tracestate', span.traceState]);
    const links = span.links.map((link) =>
      el(
        'li',
        { testid: 'span-link' },
        el('span', { class: 'mono' }, `trace ${link.traceId}`),
        el('span', { class: 'mono muted' }, ` span ${link.spanId}`),
        ' ',
        link.traceReceived
          ? el(
              'a',
              { href: `#/trace/${link.traceId}/${link.spanId}`, testid: 'link-open' },
              link.spanReceived ? 'open linked span' : 'open linked trace',
            )
          : el('span', { class: 'muted', testid: 'link-missing' }, 'trace not received'),
        link.attributes.length ? pairsTable(link.attributes, 'link-attributes') : null,
      ),
    );
    return el(
      'div',
      { testid: 'span-details' },
      el('h3', {}, span.name),
      el(
        'p',
        {},
        serviceChip(span.service),
        ' ',
        el('span', { class: status, testid: 'span-status' }, `status ${span.status.code}`),
        span.status.message ? `: ${span.status.message}` : '',
      ),
      pairsTable(facts, 'span-facts'),
      el('h4', {}, 'Attributes'),
      pairsTable(span.attributes, 'span-attributes'),
      el('h4', {}, `Events (${span.events.length})`),
      span.events.length
        ? el(
            'ul',
            { class: 'events' },
            ...span.events.map((e) =>
              el(
                'li',
                { testid: 'span-event' },
                el('b', {}, e.name),
                el('span', { class: 'muted' }, ` +${duration(e.offsetNanos)}`),
                e.attributes.length ? pairsTable(e.attributes, 'event-attributes') : null,
              ),
            ),
          )
        : el('p', { class: 'muted' }, 'none'),
      el('h4', {}, `Links (${span.links.length})`),
      links.length ? el('ul', { class: 'links' }, ...links) : el('p', { class: 'muted' }, 'none'),
      el('h4', {}, 'Resource'),
      pairsTable(span.resource, 'span-resource'),
      el('h4', {}, 'Scope attributes'),
      pairsTable(span.scope.attributes, 'scope-attributes'),
      el('p', {}, el('a', { href: `#/logs?traceId=${span.traceId}` }, 'Logs of this trace')),
    );
  }

  function traceView(root: HTMLElement, traceId: string, selected: string | undefined): View {
    const head = el('div', { class: 'trace-head' });
    const waterfall = el('div', { class: 'waterfall scroll', testid: 'waterfall' });
    const details = el('aside', { class: 'details scroll' });
    replaceChildren(root, head, el('div', { class: 'split' }, waterfall, details));
    let selectedId = selected;
    let spans: SpanRow[] = [];

    const select = (spanId: string) => {
      selectedId = spanId;
      history.replaceState(null, '', `#/trace/${traceId}/${spanId}`);
      for (const row of waterfall.querySelectorAll<HTMLElement>('.span-row')) {
        row.classList.toggle('selected', row.dataset.spanId === spanId);
      }
      const span = spans.find((s) => s.spanId === spanId);
      replaceChildren(
        details,
        span ? spanDetails(span) : el('p', { class: 'muted' }, 'Select a span.'),
      );
    };

    return {
      async refresh() {
        let trace: TraceAnswer;
        try {
          trace = await getJson<TraceAnswer>(`/api/traces/${encodeURIComponent(traceId)}`);
        } catch (error) {
          replaceChildren(head, el('a', { href: '#/traces' }, '← all traces'), errorBox(error));
          replaceChildren(waterfall);
          replaceChildren(details);
          return;
        }
        spans = trace.spans;
        replaceChildren(
          head,
          el('a', { href: '#/traces' }, '← all traces'),
          el('h2', { testid: 'trace-title' }, trace.rootName),
          el(
            'p',
            { class: 'muted' },
            el('span', { class: 'mono', testid: 'trace-id' }, trace.traceId),
            `  ·  ${trace.spanCount} spans  ·  ${trace.errorCount} errors  ·  ${duration(trace.durationNanos)}  ·  started ${when(trace.startMillis)} UTC  ·  `,
            ...trace.services.map(serviceChip),
          ),
          trace.linkedFrom.length
            ? el(
                'p',
                { testid: 'linked-from' },
                'Linked from: ',
                ...trace.linkedFrom
                  .slice(0, 20)
                  .map((l) =>
                    el(
                      'a',
                      { href: `#/trace/${l.traceId}/${l.spanId}`, class: 'pill' },
                      `${l.name} (${shortId(l.traceId)})`,
                    ),
                  ),
                trace.linkedFrom.length > 20 ? ` and ${trace.linkedFrom.length - 20} more` : '',
              )
            : null,
        );
        const total = Math.max(trace.durationNanos, 1);
        const ruler = el(
          'div',
          { class: 'span-row ruler' },
          el('div', { class: 'name' }, 'Span'),
          el(
            'div',
            { class: 'track' },
            ...[0, 0.25, 0.5, 0.75].map((f) => {
              const tick = el('span', { class: 'tick' }, duration(f * total));
              tick.style.left = `${f * 100}%`;
              return tick;
            }),
          ),
          el('div', { class: 'dur' }, duration(total)),
        );
        const rows = trace.spans.map((span) => {
          const bar = el('div', { class: span.status.code === 'ERROR' ? 'bar error' : 'bar' });
          bar.style.left = `${(span.offsetNanos / total) * 100}%`;
          bar.style.width = `max(2px, ${(span.durationNanos / total) * 100}%)`;
          bar.style.setProperty('--hue', String(hue(span.service)));
          const marks = span.events.map((e) => {
            const mark = el('span', { class: 'event-mark', title: e.name });
            mark.style.left = `${((span.offsetNanos + e.offsetNanos) / total) * 100}%`;
            return mark;
          });
          const name = el(
            'div',
            { class: 'name', title: span.name },
            span.name,
            span.links.length ? el('span', { class: 'muted' }, ` ⇢${span.links.length}`) : null,
          );
          name.style.paddingLeft = `${span.depth * 14 + 4}px`;
          const row = el(
            'div',
            { class: 'span-row', testid: 'span-row' },
            name,
            el('div', { class: 'track' }, bar, ...marks),
            el(
              'div',
              { class: 'dur' },
              duration(span.durationNanos),
              span.status.code === 'ERROR' ? el('span', { class: 'bad' }, ' ✗') : null,
            ),
          );
          row.dataset.spanId = span.spanId;
          row.tabIndex = 0;
          row.addEventListener('click', () => select(span.spanId));
          row.addEventListener('keydown', (event) => {
            if (event.key === 'Enter') select(span.spanId);
          });
          return row;
        });
        replaceChildren(
          waterfall,
          ruler,
          ...rows,
          trace.omittedSpans
            ? el('p', { class: 'muted' }, `… ${trace.omittedSpans} more spans not shown`)
            : null,
        );
        const first = trace.spans[0];
        const keep = trace.spans.some((s) => s.spanId === selectedId) ? selectedId : first?.spanId;
        if (keep) select(keep);
      },
    };
  }

  // ---- metrics ---------------------------------------------------------------------------------

  function chart(points: [number, number][], unit: string) {
    const width = 560;
    const height = 150;
    const left = 64;
    const bottom = 22;
    const box = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img' });
    const values = points.map((p) => p[1]);
    let low = Math.min(...values);
    let high = Math.max(...values);
    if (low === high) {
      low -= Math.abs(low) * 0.1 || 1;
      high += Math.abs(high) * 0.1 || 1;
    }
    const t0 = points[0]![0];
    const t1 = Math.max(points.at(-1)![0], t0 + 1);
    const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (width - left - 8);
    const y = (v: number) => 8 + (1 - (v - low) / (high - low)) * (height - bottom - 8);
    box.append(
      svg('line', {
        x1: left,
        y1: height - bottom,
        x2: width - 8,
        y2: height - bottom,
        class: 'axis',
      }),
      svg('line', { x1: left, y1: 8, x2: left, y2: height - bottom, class: 'axis' }),
      svg('text', { x: left - 4, y: 14, class: 'label', 'text-anchor': 'end' }, number(high)),
      svg(
        'text',
        { x: left - 4, y: height - bottom, class: 'label', 'text-anchor': 'end' },
        number(low),
      ),
      svg('text', { x: left, y: height - 6, class: 'label' }, clock(t0)),
      svg('text', { x: width - 8, y: height - 6, class: 'label', 'text-anchor': 'end' }, clock(t1)),
    );
    if (unit) box.append(svg('text', { x: 4, y: height / 2, class: 'label' }, unit));
    const coords = points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    box.append(svg('polyline', { points: coords, class: 'line' }));
    const [lt, lv] = points.at(-1)!;
    box.append(svg('circle', { cx: x(lt), cy: y(lv), r: 3, class: 'dot' }));
    return box;
  }

  function metricsView(root: HTMLElement, selected: string | undefined): View {
    const list = el('nav', { class: 'metric-list scroll', testid: 'metric-list' });
    const panel = el('section', { class: 'metric-panel scroll' });
    replaceChildren(root, el('div', { class: 'split' }, list, panel));
    let name = selected;
    const show = async () => {
      if (!name) {
        replaceChildren(panel, el('p', { class: 'muted' }, 'No metric received yet.'));
        return;
      }
      let metric: MetricAnswer;
      try {
        metric = await getJson<MetricAnswer>(`/api/metrics/${encodeURIComponent(name)}`);
      } catch (error) {
        replaceChildren(panel, errorBox(error));
        return;
      }
      const charts = metric.series.map((series) => {
        const labels =
          series.attributes.map(([k, v]) => `${k}=${valueText(v)}`).join(', ') || '(no attributes)';
        const last = series.points.at(-1);
        return el(
          'figure',
          { testid: 'metric-chart' },
          el(
            'figcaption',
            {},
            el('span', { class: 'mono' }, labels),
            ' ',
            serviceChip(series.service),
            last ? el('span', { class: 'latest' }, ` latest ${number(last[1])}`) : null,
          ),
          series.points.length
            ? chart(series.points, metric.valueLabel)
            : el('p', { class: 'muted' }, 'no value yet'),
        );
      });
      replaceChildren(
        panel,
        el('h2', { testid: 'metric-title' }, metric.name),
        el(
          'p',
          { class: 'muted' },
          [metric.type, metric.temporality, metric.unit && `unit ${metric.unit}`]
            .filter(Boolean)
            .join(' · '),
          metric.description ? ` — ${metric.description}` : '',
        ),
        ...charts,
        metric.omittedSeries
          ? el('p', { class: 'muted' }, `… ${metric.omittedSeries} more series not shown`)
          : null,
      );
    };
    return {
      async refresh() {
        const { metrics } = await getJson<{ metrics: MetricSummary[] }>('/api/metrics');
        if (!name || !metrics.some((m) => m.name === name)) name = metrics[0]?.name ?? name;
        replaceChildren(
          list,
          ...metrics.map((m) => {
            const item = el(
              'button',
              {
                class: m.name === name ? 'metric-item selected' : 'metric-item',
                testid: 'metric-item',
              },
              el('span', {}, m.name),
              el(
                'small',
                { class: 'muted' },
                `${m.type}${m.unit ? ` · ${m.unit}` : ''} · ${m.series} series`,
              ),
            );
            item.type = 'button';
            item.addEventListener('click', () => {
              location.hash = `#/metrics/${encodeURIComponent(m.name)}`;
            });
            return item;
          }),
        );
        await show();
      },
    };
  }

  // ---- logs ------------------------------------------------------------------------------------

  function logsView(root: HTMLElement, params: URLSearchParams): View {
    const search = el('input', { testid: 'log-search' });
    search.type = 'search';
    search.placeholder = 'Search the log bodies';
    search.value = params.get('q') ?? '';
    const severity = el('select', { testid: 'log-severity', title: 'lowest severity shown' });
    for (const [label, value] of [
      ['every severity', ''],
      ['DEBUG and above', '5'],
      ['INFO and above', '9'],
      ['WARN and above', '13'],
      ['ERROR and above', '17'],
    ]) {
      const option = el('option', {}, label!);
      option.value = value!;
      severity.append(option);
    }
    severity.value = params.get('minSeverity') ?? '';
    const traceId = params.get('traceId') ?? '';
    const count = el('span', { class: 'muted', testid: 'log-count' });
    const table = el('div', { class: 'scroll' });
    replaceChildren(
      root,
      el(
        'div',
        { class: 'toolbar' },
        search,
        severity,
        traceId
          ? el(
              'span',
              { class: 'pill' },
              `trace ${shortId(traceId)} `,
              el('a', { href: '#/logs' }, '×'),
            )
          : null,
        count,
      ),
      table,
    );
    const update = () => {
      const query = new URLSearchParams();
      if (search.value) query.set('q', search.value);
      if (severity.value) query.set('minSeverity', severity.value);
      if (traceId) query.set('traceId', traceId);
      history.replaceState(null, '', `#/logs${query.size ? `?${query}` : ''}`);
      void view.refresh();
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    });
    severity.addEventListener('change', update);
    const view: View = {
      async refresh() {
        const query = new URLSearchParams();
        if (search.value) query.set('q', search.value);
        if (severity.value) query.set('minSeverity', severity.value);
        if (traceId) query.set('traceId', traceId);
        let answer: { total: number; matched: number; logs: LogRow[] };
        try {
          answer = await getJson(`/api/logs?${query}`);
        } catch (error) {
          replaceChildren(table, errorBox(error));
          return;
        }
        count.textContent = `${answer.matched} of ${answer.total} records${answer.matched > answer.logs.length ? ` (the latest ${answer.logs.length} shown)` : ''}`;
        if (answer.logs.length === 0) {
          replaceChildren(
            table,
            el(
              'p',
              { class: 'muted', testid: 'no-logs' },
              answer.total ? 'No record matches.' : 'No log record received yet.',
            ),
          );
          return;
        }
        const rows = answer.logs.map((log) => {
          const row = el(
            'tr',
            { testid: 'log-row' },
            el('td', { class: 'mono' }, clock(log.timeMillis)),
            el(
              'td',
              {},
              el(
                'span',
                { class: `sev sev-${log.level}`, testid: 'log-severity-badge' },
                log.severityText || log.level,
              ),
            ),
            el('td', {}, serviceChip(log.service)),
            el('td', { class: 'muted' }, log.scope),
            el(
              'td',
              { class: 'body' },
              log.eventName ? el('b', {}, `${log.eventName} `) : null,
              log.body,
            ),
            el(
              'td',
              {},
              log.traceId
                ? log.traceReceived
                  ? el(
                      'a',
                      { href: `#/trace/${log.traceId}/${log.spanId}`, testid: 'log-trace-link' },
                      `trace ${shortId(log.traceId)}`,
                    )
                  : el('span', { class: 'muted', title: log.traceId }, 'trace not received')
                : null,
            ),
          );
          row.addEventListener('click', (event) => {
            if ((event.target as Element).closest('a')) return;
            const next = row.nextElementSibling;
            if (next?.classList.contains('log-more')) {
              next.remove();
              return;
            }
            const cell = el(
              'td',
              {},
              el('h4', {}, 'Attributes'),
              pairsTable(log.attributes, 'log-attributes'),
              el('h4', {}, 'Resource'),
              pairsTable(log.resource, 'log-resource'),
            );
            cell.colSpan = 6;
            row.after(el('tr', { class: 'log-more' }, cell));
          });
          return row;
        });
        replaceChildren(
          table,
          el(
            'table',
            { class: 'grid', testid: 'log-list' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ...['Time (UTC)', 'Severity', 'Service', 'Scope', 'Body', 'Trace'].map((h) =>
                  el('th', {}, h),
                ),
              ),
            ),
            el('tbody', {}, ...rows),
          ),
        );
      },
    };
    return view;
  }

  // ---- frame, routing, live refresh ----------------------------------------------------------

  const tabs = {
    traces: el('a', { href: '#/traces', testid: 'tab-traces' }, 'Traces'),
    metrics: el('a', { href: '#/metrics', testid: 'tab-metrics' }, 'Metrics'),
    logs: el('a', { href: '#/logs', testid: 'tab-logs' }, 'Logs'),
  };
  const counts = { traces: el('small', {}), metrics: el('small', {}), logs: el('small', {}) };
  for (const key of ['traces', 'metrics', 'logs'] as const) tabs[key].append(' ', counts[key]);
  const endpoints = el('span', { class: 'muted endpoints' });
  const live = el(
    'button',
    { class: 'live on', testid: 'live-toggle', title: 'refresh as data arrives' },
    '● live',
  );
  live.type = 'button';
  const main = el('main', { testid: 'view' });
  const status = el('footer', { class: 'muted', testid: 'status' });
  document.body.replaceChildren(
    el(
      'header',
      {},
      el('h1', {}, 'OTLP receiver'),
      el('nav', {}, tabs.traces, tabs.metrics, tabs.logs),
      endpoints,
      live,
    ),
    main,
    status,
  );

  let view: View | undefined;
  let liveOn = true;
  let revision = '';
  live.addEventListener('click', () => {
    liveOn = !liveOn;
    live.classList.toggle('on', liveOn);
    live.textContent = liveOn ? '● live' : '❚❚ paused';
  });

  function route() {
    const hash = location.hash.replace(/^#\/?/, '');
    const [path = '', query = ''] = hash.split('?');
    const params = new URLSearchParams(query);
    const [section = 'traces', a, b] = path.split('/').map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
    for (const [key, tab] of Object.entries(tabs)) {
      tab.classList.toggle('active', key === section || (key === 'traces' && section === 'trace'));
    }
    if (section === 'trace' && a) view = traceView(main, a, b);
    else if (section === 'metrics') view = metricsView(main, a);
    else if (section === 'logs') view = logsView(main, params);
    else view = tracesView(main, params);
    void view.refresh().catch((error) => replaceChildren(main, errorBox(error)));
  }

  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const summary = await getJson<Summary>('/api/summary');
      counts.traces.textContent = String(summary.traces);
      counts.metrics.textContent = String(summary.metrics);
      counts.logs.textContent = String(summary.logs);
      endpoints.textContent = summary.httpUrl
        ? `OTLP/HTTP ${summary.httpUrl} · gRPC ${summary.grpcUrl}`
        : '';
      status.textContent = `${summary.spans} spans · ${summary.metricPoints} metric points · ${summary.logs} log records kept · updated ${new Date().toLocaleTimeString()}`;
      if (summary.revision !== revision) {
        const first = revision === '';
        revision = summary.revision;
        if (!first && liveOn && view) await view.refresh();
      }
    } catch (error) {
      status.textContent = `receiver unreachable: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      polling = false;
    }
  }

  window.addEventListener('hashchange', route);
  route();
  void poll();
  setInterval(() => void poll(), config.refreshMillis);
}
