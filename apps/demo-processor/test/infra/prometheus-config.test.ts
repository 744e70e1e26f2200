import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { INFRA_DIR, PROMTOOL_HINT, runTool } from './run-tool.js';

describe('infra/prometheus.yaml', () => {
  it('should pass promtool check config', () => {
    const { status, output } = runTool(
      'promtool',
      ['check', 'config', 'prometheus.yaml'],
      PROMTOOL_HINT,
    );
    expect(output).toContain('SUCCESS');
    expect(status).toBe(0);
  });

  it("should scrape the collector's Prometheus exporter", () => {
    const config = parse(readFileSync(path.join(INFRA_DIR, 'prometheus.yaml'), 'utf8'));
    const collector = config.scrape_configs.find(
      (c: { job_name: string }) => c.job_name === 'otel-collector',
    );
    expect(collector.static_configs[0].targets).toEqual(['otel-collector:8889']);
    const exporter = parse(readFileSync(path.join(INFRA_DIR, 'otel-collector.yaml'), 'utf8'))
      .exporters.prometheus;
    expect(exporter.endpoint).toBe('0.0.0.0:8889');
  });
});
