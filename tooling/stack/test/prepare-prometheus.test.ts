import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stackPaths } from '../src/paths.js';
import { portsWithOffset } from '../src/ports.js';
import { preparePrometheus } from '../src/prepare-prometheus.js';

describe('preparePrometheus', () => {
  let stateDir: string;

  beforeEach(() => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'stack-prom-'));
  });

  afterEach(() => {
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('should link infra/prometheus.yaml and write 127.0.0.1 targets beside the link', () => {
    const paths = stackPaths({ stateDir });
    const ports = portsWithOffset(1000);
    const config = preparePrometheus(paths, ports);
    expect(realpathSync(config)).toBe(realpathSync(path.join(paths.infraDir, 'prometheus.yaml')));
    const targets = JSON.parse(
      readFileSync(
        path.join(path.dirname(config), 'prometheus-targets', 'otel-collector.json'),
        'utf8',
      ),
    );
    expect(targets).toEqual([{ targets: [`127.0.0.1:${ports.collectorPrometheus}`] }]);
  });

  it('should give promtool a configuration whose every target file exists (no warning)', () => {
    const config = preparePrometheus(stackPaths({ stateDir }), portsWithOffset(0));
    const run = spawnSync('promtool', ['check', 'config', config], { encoding: 'utf8' });
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
      throw new Error('promtool is not installed: apt-get install prometheus (npm run setup does)');
    const output = `${run.stdout}${run.stderr}`;
    expect(output).not.toContain('WARNING');
    expect(output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});
