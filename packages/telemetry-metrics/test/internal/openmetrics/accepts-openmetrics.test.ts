import { acceptsOpenMetrics } from '../../../src/internal/openmetrics/accepts-openmetrics.js';

describe('acceptsOpenMetrics', () => {
  it("should accept Prometheus 2.42's scrape Accept header", () => {
    expect(
      acceptsOpenMetrics(
        'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1',
      ),
    ).toBe(true);
  });

  it('should accept OpenMetrics without a version, or preferred over the text format', () => {
    expect(acceptsOpenMetrics('application/openmetrics-text')).toBe(true);
    expect(acceptsOpenMetrics('text/plain;q=0.5, Application/OpenMetrics-Text; q=0.9')).toBe(true);
  });

  it('should refuse no header, the text format alone, q=0, an unknown version, or the text format preferred', () => {
    for (const accept of [
      undefined,
      'text/plain;version=0.0.4',
      '*/*',
      'application/openmetrics-text;q=0',
      'application/openmetrics-text;version=2.0.0',
      'application/openmetrics-text;q=0.2,text/plain',
    ]) {
      expect({ accept, openMetrics: acceptsOpenMetrics(accept) }).toEqual({
        accept,
        openMetrics: false,
      });
    }
  });
});
