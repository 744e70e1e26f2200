// Exemplars and spans from one initTelemetry(), both checked as they arrived at the receiver: an
// exemplar recorded inside a span carries a time within that span's start and end.
import { createMetricsRecorder, initTelemetry } from '../src/index.js';
import { METRIC_NAMES } from '../src/semconv.js';
import { PROTOCOLS, receiverEnv } from './helpers/receiver-env.js';
import { useSuiteReceiver } from './helpers/suite-receiver.js';

const SPANS = 2000;
// The exemplar reservoirs keep 100 series per instrument between two exports.
const SPANS_PER_EXPORT = 100;

describe.each(PROTOCOLS)('exemplar times over OTLP %s', (protocol) => {
  const suite = useSuiteReceiver();

  describe('initTelemetry', () => {
    it(`should give each exemplar recorded inside a span a time within the span, for ${SPANS} short spans (regression: exemplars took hrTime(), spans Date.now())`, async () => {
      suite.telemetry = await initTelemetry({ env: receiverEnv(suite.receiver, protocol) });
      const tracer = suite.telemetry.tracer('exemplar-times');
      const recorder = createMetricsRecorder({ meter: suite.telemetry.meter('exemplar-times') });
      for (let exported = 0; exported < SPANS; exported += SPANS_PER_EXPORT) {
        for (let slot = 0; slot < SPANS_PER_EXPORT; slot++) {
          // One series per span within an export, so every exemplar is kept and sent.
          tracer.startActiveSpan('short', (span) => {
            recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 1, { slot });
            recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.001, { slot });
            span.end();
          });
        }
        await suite.telemetry.forceFlush();
      }

      const spans = await suite.receiver.waitForSpans(SPANS, { name: 'short', timeoutMs: 10_000 });
      const byId = new Map(spans.map((span) => [span.spanId, span]));
      const exemplars = suite.receiver
        .metricPoints()
        .flatMap((point) => point.exemplars.map((exemplar) => ({ metric: point.name, exemplar })));
      expect(exemplars).toHaveLength(2 * SPANS);
      const outside = exemplars.flatMap(({ metric, exemplar }) => {
        const span = byId.get(exemplar.spanId ?? '');
        const { timeUnixNano } = exemplar;
        if (
          span !== undefined &&
          timeUnixNano >= span.startTimeUnixNano &&
          timeUnixNano <= span.endTimeUnixNano
        ) {
          return [];
        }
        return [
          { metric, timeUnixNano, start: span?.startTimeUnixNano, end: span?.endTimeUnixNano },
        ];
      });
      expect({ outside: outside.length, first: outside.slice(0, 3) }).toEqual({
        outside: 0,
        first: [],
      });
    });
  });
});
