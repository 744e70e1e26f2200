// The README's example, kept compiling and passing.
import { context, diag, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  installTestDiagLogger,
  type OtlpReceiver,
  startOtlpReceiver,
  waitFor,
} from '../src/index.js';

/** Stand-in for the user's code: a checkout span with two children. */
async function runCheckout(exporter: OTLPTraceExporter) {
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('shop');
  const root = tracer.startSpan('checkout', { attributes: { 'order.items': 3 } });
  const ctx = trace.setSpan(context.active(), root);
  tracer.startSpan('reserve stock', {}, ctx).end();
  tracer.startSpan('charge card', {}, ctx).end();
  root.end();
  await provider.shutdown();
}

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.stop());

it('exports the checkout span', async () => {
  const exporter = new OTLPTraceExporter({ url: `${receiver.httpUrl}/v1/traces` });
  await runCheckout(exporter); // your code, exporting through `exporter`
  const [span] = await receiver.waitForSpans(1, { name: 'checkout', timeoutMs: 5000 });
  expect(span!.attributes['order.items']).toBe(3);
  expect(receiver.traceTree(span!.traceId)[0]!.children).toHaveLength(2);
});

/** Stand-in for the user's code: warns through diag a moment later. */
function processBatch() {
  setTimeout(() => diag.warn('@shop/batch: dropped 3 spans'), 10);
}

it('warns about the dropped spans', async () => {
  const logger = installTestDiagLogger(); // the global diag logger, WARN and above
  try {
    processBatch(); // your code, warning through `diag` in the background
    const warnings = await waitFor(
      'the drop warning',
      () => logger.texts('warn').length > 0 && logger.texts('warn'),
    );
    expect(warnings).toEqual([expect.stringMatching(/dropped 3 spans/)]);
  } finally {
    logger.uninstall();
  }
});
