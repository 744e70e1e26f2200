import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_SYSTEM,
  ATTR_PROCESSOR_EVENT_TYPE,
  MESSAGING_SYSTEM_VALUE_KAFKA,
} from '@proc/telemetry-semconv';

// Any SDK works: the constants are plain strings. This exporter reads OTEL_EXPORTER_OTLP_ENDPOINT.
const provider = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter())],
});

const message = { topic: 'orders', partition: 3, offset: 1042, type: 'order' };
provider
  .getTracer('semconv-quick-start')
  .startSpan('process orders', {
    kind: SpanKind.CONSUMER,
    attributes: {
      [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM_VALUE_KAFKA,
      [ATTR_MESSAGING_DESTINATION_NAME]: message.topic,
      [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(message.partition), // a string
      [ATTR_MESSAGING_KAFKA_OFFSET]: message.offset,
      [ATTR_PROCESSOR_EVENT_TYPE]: message.type,
    },
  })
  .end();

await provider.shutdown();
console.log(`sent a span with ${ATTR_PROCESSOR_EVENT_TYPE}=${message.type}`);
