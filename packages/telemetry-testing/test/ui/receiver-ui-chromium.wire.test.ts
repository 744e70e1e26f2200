// The web view end to end in headless Chromium (Debian's `chromium`, driven by playwright-core):
// real OTLP from the SDK exporters into the receiver, then the page as a user clicks through it.
// Writes screenshots to test-output/ (gitignored) and prints their paths.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type Browser, chromium, type Page } from 'playwright-core';
import {
  type OtlpReceiver,
  type ReceiverUi,
  startOtlpReceiver,
  startReceiverUi,
} from '../../src/index.js';
import {
  HOSTILE_VALUE,
  type SampleTelemetry,
  sendSampleTelemetry,
} from '../helpers/send-sample-telemetry.js';

const OUTPUT_DIR = path.resolve(__dirname, '../../test-output');

/** Debian's Chromium on PATH; a missing browser fails the test with how to install it. */
function findChromium(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8', timeout: 5000 }).trim();
  } catch {
    throw new Error(
      'chromium is not on PATH: the web view test drives the Debian browser. Install it with ' +
        '`apt-get install -y chromium` (or `pnpm run setup`, which installs it as root), then run the test again.',
    );
  }
}

let receiver: OtlpReceiver;
let ui: ReceiverUi;
let sample: SampleTelemetry;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const executablePath = findChromium();
  receiver = await startOtlpReceiver();
  ui = await startReceiverUi(receiver, { refreshMillis: 200 });
  sample = await sendSampleTelemetry(receiver);
  browser = await chromium.launch({
    executablePath,
    timeout: 30_000,
    // As root in a container; and no calls home: this machine's network is closed.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await ui?.stop();
  await receiver?.stop();
});

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Waits until exactly `n` elements match `selector`. */
async function waitForCount(selector: string, n: number): Promise<void> {
  await page.waitForFunction(
    ([s, count]) => document.querySelectorAll(s as string).length === count,
    [selector, n] as const,
  );
}

async function screenshot(name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, name);
  await page.screenshot({ path: file });
  process.stdout.write(`web view screenshot: ${file}\n`);
  return file;
}

describe('the web view in Chromium', () => {
  it('should list the traces sent, and search them by service, trace id and span name', async () => {
    await page.goto(ui.url);
    await waitForCount(byTestId('trace-row'), 4);
    const ids = await page.$$eval(byTestId('trace-row'), (rows) =>
      rows.map((row) => (row as HTMLElement).dataset.traceId),
    );
    expect(ids.sort()).toEqual([sample.batchTraceId, ...sample.producerTraceIds].sort());

    await page.fill(byTestId('trace-search'), 'orders-producer');
    await waitForCount(byTestId('trace-row'), 3);
    expect(await page.textContent(byTestId('trace-count'))).toBe('3 of 4 traces match');
    await page.fill(byTestId('trace-search'), sample.batchTraceId.slice(0, 12));
    await waitForCount(byTestId('trace-row'), 1);
    await page.fill(byTestId('trace-search'), 'order-2');
    await waitForCount(byTestId('trace-row'), 1);
    expect(await page.getAttribute(byTestId('trace-row'), 'data-trace-id')).toBe(
      sample.batchTraceId,
    );
    await page.fill(byTestId('trace-search'), 'no such thing');
    await page.waitForSelector(byTestId('no-traces'));
    await page.fill(byTestId('trace-search'), '');
    await waitForCount(byTestId('trace-row'), 4);
  });

  it('should open the waterfall and the details of a span, showing hostile values as text', async () => {
    await page.click(`${byTestId('trace-row')}[data-trace-id="${sample.batchTraceId}"]`);
    await waitForCount(byTestId('span-row'), 4);
    expect(await page.textContent(byTestId('trace-title'))).toBe('process orders');
    expect(await page.textContent(byTestId('trace-id'))).toBe(sample.batchTraceId);
    const names = await page.$$eval(`${byTestId('span-row')} .name`, (cells) =>
      cells.map((cell) => cell.firstChild?.textContent),
    );
    expect(names).toEqual([
      'process orders',
      'process order-1',
      'process order-2',
      'process order-3',
    ]);

    await page.click(`${byTestId('span-row')}:has-text("${sample.failedSpanName}")`);
    await page.waitForSelector(
      `${byTestId('span-details')} h3:text-is("${sample.failedSpanName}")`,
    );
    expect(await page.textContent(byTestId('span-status'))).toBe('status ERROR');
    const note = await page.$eval(
      `${byTestId('span-attributes')} tr:has(th:text-is("order.note")) td`,
      (cell) => cell.textContent,
    );
    expect(note).toBe(HOSTILE_VALUE);
    expect(
      await page.$$(`${byTestId('span-details')} img, ${byTestId('span-details')} script`),
    ).toHaveLength(0);
    expect(await page.textContent(byTestId('span-event'))).toContain('exception');
    expect(await page.textContent(byTestId('span-resource'))).toContain('orders-consumer-1');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it("should follow a batch span's link to the producer trace, and say when a linked trace was not received", async () => {
    await page.click(`${byTestId('span-row')}:has-text("process orders")`);
    await waitForCount(byTestId('span-link'), 4);
    expect(await page.$$(byTestId('link-open'))).toHaveLength(3);
    expect(await page.textContent(byTestId('link-missing'))).toBe('trace not received');
    await screenshot('receiver-ui-trace.png');

    await page.click(
      `${byTestId('span-link')}:has-text("${sample.producerTraceIds[1]}") ${byTestId('link-open')}`,
    );
    await page.waitForSelector(`${byTestId('trace-id')}:text-is("${sample.producerTraceIds[1]}")`);
    expect(await page.textContent(byTestId('trace-title'))).toBe('send orders');
    expect(await page.textContent(`${byTestId('span-details')} h3`)).toBe('send orders');
    expect(await page.textContent(byTestId('linked-from'))).toContain('process orders');
    expect(page.url()).toContain(`#/trace/${sample.producerTraceIds[1]}/`);
  });

  it('should chart each series of a metric over time', async () => {
    await page.click(byTestId('tab-metrics'));
    await waitForCount(byTestId('metric-item'), 2);
    await page.click(`${byTestId('metric-item')}:has-text("orders.processed")`);
    await page.waitForSelector(`${byTestId('metric-title')}:text-is("orders.processed")`);
    await waitForCount(byTestId('metric-chart'), 2);
    const lines = await page.$$eval(`${byTestId('metric-chart')} polyline`, (nodes) =>
      nodes.map((node) => node.getAttribute('points')?.split(' ').length ?? 0),
    );
    expect(lines).toHaveLength(2);
    for (const points of lines) expect(points).toBeGreaterThanOrEqual(3);
    const captions = await page.$$eval(`${byTestId('metric-chart')} figcaption`, (nodes) =>
      nodes.map((node) => node.textContent),
    );
    expect(captions.some((text) => text?.includes(`orders.queue=${HOSTILE_VALUE}`))).toBe(true);
    await screenshot('receiver-ui-metrics.png');
  });

  it('should show the log records with their severity, and jump to the trace of one', async () => {
    await page.click(byTestId('tab-logs'));
    await waitForCount(byTestId('log-row'), 4);
    const severities = await page.$$eval(byTestId('log-severity-badge'), (nodes) =>
      nodes.map((node) => node.textContent),
    );
    expect(severities).toEqual(['DEBUG', 'WARN', 'ERROR', 'INFO']);
    expect(
      await page.$$eval(`${byTestId('log-row')} td.body`, (cells) =>
        cells.map((c) => c.textContent),
      ),
    ).toContain(HOSTILE_VALUE);
    await page.selectOption(byTestId('log-severity'), '13');
    await waitForCount(byTestId('log-row'), 2);
    await page.click(byTestId('log-trace-link'));
    await page.waitForSelector(`${byTestId('trace-id')}:text-is("${sample.batchTraceId}")`);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('should show a trace that arrives while the page is open, without a reload', async () => {
    await page.click(byTestId('tab-traces'));
    await waitForCount(byTestId('trace-row'), 4);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'late-arrival' }),
      spanProcessors: [
        new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${receiver.httpUrl}/v1/traces` })),
      ],
    });
    provider.getTracer('t').startSpan('arrived later', { kind: SpanKind.SERVER }).end();
    await provider.shutdown();
    await waitForCount(byTestId('trace-row'), 5);
    expect(await page.textContent(byTestId('trace-list'))).toContain('arrived later');
    expect(pageErrors).toEqual([]);
  });
});
