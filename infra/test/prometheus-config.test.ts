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

  it("should scrape the collector's Prometheus exporter (compose targets in prometheus-targets/)", () => {
    const config = parse(readFileSync(path.join(INFRA_DIR, 'prometheus.yaml'), 'utf8'));
    const collector = config.scrape_configs.find(
      (c: { job_name: string }) => c.job_name === 'otel-collector',
    );
    const [targetFile] = collector.file_sd_configs[0].files as string[];
    const targets = JSON.parse(readFileSync(path.join(INFRA_DIR, targetFile!), 'utf8'));
    expect(targets).toEqual([{ targets: ['otel-collector:8889'] }]);
    const exporter = parse(readFileSync(path.join(INFRA_DIR, 'otel-collector.yaml'), 'utf8'))
      .exporters.prometheus;
    // All interfaces in compose; `pnpm stack up` sets the variable to a 127.0.0.1 address.
    expect(exporter.endpoint).toMatch(/^\$\{env:COLLECTOR_PROMETHEUS_ENDPOINT:-0\.0\.0\.0:8889\}$/);
  });
});
