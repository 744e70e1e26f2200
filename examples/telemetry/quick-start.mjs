import { initTelemetry } from '@proc/telemetry';

// OTEL_* variables fill in the rest: OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318).
const telemetry = await initTelemetry({ config: { service: { name: 'order-enricher' } } });

const orders = telemetry.meter('order-enricher').createCounter('orders.enriched');
telemetry.tracer('order-enricher').startActiveSpan('enrich order', (span) => {
  span.setAttribute('order.id', 'o-1');
  orders.add(1);
  span.end();
});

// Delivers what was recorded (within 5 s), then the process exits.
await telemetry.shutdown();
console.log('sent 1 span and 1 counter to', process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'localhost');
