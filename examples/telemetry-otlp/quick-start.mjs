import { loadConfig } from '@proc/telemetry-config';
import { createDeliveryQueue, createOtlpSender, encodedQueueBound } from '@proc/telemetry-otlp';

// OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318); http/json so the request below
// can be written by hand (the signal packages encode with serializers: the SDK's, and for spans
// this package's protobufSpanSerializer and jsonSpanSerializer).
const config = loadConfig({ config: { traces: { export: { protocol: 'http/json' } } } });
const exportConfig = config.traces.export;
const sender = createOtlpSender(exportConfig, { signal: 'traces', optionPath: 'traces.export' });
const queue = createDeliveryQueue({
  signal: 'traces',
  deliver: (request) => sender.send(request),
  ...encodedQueueBound('traces', exportConfig), // at most export.maxQueueBytes waiting
  maxInFlight: exportConfig.maxConcurrentExports,
  retry: exportConfig.retry, // 429/502/503/504 and refused connections, with backoff
});

// One ExportTraceServiceRequest holding one span.
const now = BigInt(Date.now()) * 1_000_000n;
const request = {
  resourceSpans: [
    {
      resource: {
        attributes: [{ key: 'service.name', value: { stringValue: config.service.name } }],
      },
      scopeSpans: [
        {
          scope: { name: 'otlp-quick-start' },
          spans: [
            {
              traceId: '5b8efff798038103d269b633813fc60c',
              spanId: 'eee19b7ec3c1b174',
              name: 'send by hand',
              kind: 1,
              startTimeUnixNano: String(now),
              endTimeUnixNano: String(now + 1_000_000n),
            },
          ],
        },
      ],
    },
  ],
};
const body = new TextEncoder().encode(JSON.stringify(request));
queue.enqueue({ body, items: 1 }, 1, (outcome) => console.log('outcome:', outcome.status));

await queue.flush(); // never rejects; bound it with a timer in a real exporter
queue.close();
await sender.shutdown();
console.log('delivered', queue.stats().delivered, 'span to', exportConfig.endpoint);
