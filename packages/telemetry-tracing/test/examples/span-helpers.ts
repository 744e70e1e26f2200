// Runnable example, exercised by test/examples.test.ts and quoted in the README.
// In your code, import from '@proc/telemetry-tracing' instead of '../../src/index.js'.
import { type SpanContext, SpanKind } from '@opentelemetry/api';
import {
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_PROCESSOR_EVENT_TYPE,
  ATTR_PROCESSOR_WINDOW_ID,
} from '@proc/telemetry-semconv';
import {
  recordException,
  SPAN_PROCESS_EVENT,
  spanBuilder,
  traced,
  withSpan,
} from '../../src/index.js';

export interface RawEvent {
  id: string;
  raw: string;
}

export interface EventStore {
  save(event: RawEvent): Promise<string>;
}

export async function spanHelpers(store: EventStore, event: RawEvent, upstream: SpanContext) {
  // Fluent: kind (all five), attributes of every OTel type, links with attributes, start time,
  // parent (explicit context; the active one by default) or noParent().
  const span = spanBuilder('fetch-window')
    .kind(SpanKind.CLIENT)
    .attributes({ [ATTR_PROCESSOR_WINDOW_ID]: 'w-7', 'retry.delays': [10, 20] })
    .link(upstream, { 'link.reason': 'batch' })
    .start(); // you end it
  span.end();

  // startActive: runs fn with the span active, ends it, returns fn's result (value or promise).
  // A throw or rejection is recorded (exception event + ERROR status) and rethrown.
  const saved = await spanBuilder(SPAN_PROCESS_EVENT)
    .kind(SpanKind.CONSUMER)
    .attribute(ATTR_MESSAGING_MESSAGE_ID, event.id)
    .startActive(async () => store.save(event));

  // Same semantics, shorter:
  const total = withSpan('sum-window', () => [1, 2, 3].reduce((a, b) => a + b, 0), {
    attributes: { [ATTR_PROCESSOR_WINDOW_ID]: 'w-7' },
  });
  const handleEvent = traced('handle-event', async (e: RawEvent) => store.save(e)); // same signature
  await handleEvent(event);

  // By hand: exception event (exception.type/.message/.stacktrace) + ERROR status.
  // Accepts any thrown value (strings, null, undefined, symbols, objects whose toString throws).
  const parseSpan = spanBuilder('parse-event').start();
  try {
    JSON.parse(event.raw);
  } catch (err) {
    recordException(parseSpan, err, { [ATTR_PROCESSOR_EVENT_TYPE]: 'click' });
  } finally {
    parseSpan.end();
  }
  return { saved, total };
}
