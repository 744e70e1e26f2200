import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort, waitFor } from '@proc/telemetry-testing';

/** One sample of an instant-query result. */
export interface PrometheusSample {
  metric: Record<string, string>;
  value: number;
}

/** The exemplars Prometheus stored for one series (`/api/v1/query_exemplars`). */
export interface PrometheusSeriesExemplars {
  seriesLabels: Record<string, string>;
  exemplars: { labels: Record<string, string>; value: number; timestamp: number }[];
}

/** Options of {@link startTestPrometheusServer}. */
export interface TestPrometheusOptions {
  /** `--enable-feature` values, e.g. `exemplar-storage`. Default none. */
  features?: string[];
}

/** A real Prometheus server scraping one target every second, on loopback. */
export interface TestPrometheusServer {
  readonly url: string;
  /** Runs an instant query (`/api/v1/query`) and returns its vector. */
  query(expression: string): Promise<PrometheusSample[]>;
  /**
   * The exemplars stored for the series `selector` selects, over the last hour (needs the
   * `exemplar-storage` feature).
   */
  queryExemplars(selector: string): Promise<PrometheusSeriesExemplars[]>;
  /** Polls {@link queryExemplars} until `predicate` holds. */
  waitForExemplars(
    selector: string,
    predicate: (series: PrometheusSeriesExemplars[]) => boolean,
    timeoutMs?: number,
  ): Promise<PrometheusSeriesExemplars[]>;
  /** Polls `expression` until it returns at least one sample matching `predicate`. */
  waitForQuery(
    expression: string,
    predicate?: (samples: PrometheusSample[]) => boolean,
    timeoutMs?: number,
  ): Promise<PrometheusSample[]>;
  /** Kills the server and removes its configuration and storage. */
  stop(): Promise<void>;
}

function findOnPath(binary: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function scrapeConfig(target: string): string {
  return [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    '  - job_name: telemetry-metrics',
    '    static_configs:',
    `      - targets: ['${target}']`,
    '',
  ].join('\n');
}

/**
 * Starts `prometheus` from PATH in the foreground, scraping `target` (`host:port`). Throws with an
 * explanation when the binary is missing: the test must fail, not skip.
 */
export async function startTestPrometheusServer(
  target: string,
  options: TestPrometheusOptions = {},
): Promise<TestPrometheusServer> {
  const binary = findOnPath('prometheus');
  if (binary === undefined) {
    throw new Error(
      'prometheus is not on PATH: the Prometheus scrape test needs a real server. Install it ' +
        '(Debian/Ubuntu: `apt-get install prometheus`; `npm run setup` does it when run as root).',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'proc-telemetry-prometheus-'));
  const configFile = join(dir, 'prometheus.yml');
  await writeFile(configFile, scrapeConfig(target));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...(options.features ?? []).map((feature) => `--enable-feature=${feature}`),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const query = async (expression: string): Promise<PrometheusSample[]> => {
    const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expression)}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: {
        resultType: string;
        result: { metric: Record<string, string>; value: [number, string] }[];
      };
    };
    if (body.status !== 'success' || body.data?.resultType !== 'vector') {
      throw new Error(`query ${expression} failed: ${body.error ?? JSON.stringify(body)}`);
    }
    return body.data.result.map((sample) => ({
      metric: sample.metric,
      value: Number(sample.value[1]),
    }));
  };

  const queryExemplars = async (selector: string): Promise<PrometheusSeriesExemplars[]> => {
    const now = Date.now() / 1000;
    const params = new URLSearchParams({
      query: selector,
      start: String(now - 3600),
      end: String(now + 60),
    });
    const response = await fetch(`${url}/api/v1/query_exemplars?${params}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: {
        seriesLabels: Record<string, string>;
        exemplars: { labels: Record<string, string>; value: string; timestamp: number }[];
      }[];
    };
    if (body.status !== 'success' || body.data === undefined) {
      throw new Error(`query_exemplars ${selector} failed: ${body.error ?? JSON.stringify(body)}`);
    }
    return body.data.map((series) => ({
      seriesLabels: series.seriesLabels,
      exemplars: series.exemplars.map((e) => ({ ...e, value: Number(e.value) })),
    }));
  };

  /** The target's last scrape error (`''` when the last scrape succeeded), for failure messages. */
  const lastScrapeError = async (): Promise<string> => {
    try {
      const response = await fetch(`${url}/api/v1/targets`);
      const body = (await response.json()) as {
        data?: { activeTargets?: { lastError?: string; health?: string }[] };
      };
      const [active] = body.data?.activeTargets ?? [];
      return `${active?.health ?? 'unknown'} ${active?.lastError ?? ''}`;
    } catch (error) {
      return `unknown (${String(error)})`;
    }
  };

  /** Polls `read` until `predicate` holds, naming the last result, the scrape and the output. */
  const poll = async <T>(
    what: string,
    read: () => Promise<T>,
    predicate: (result: T) => boolean,
    timeoutMs: number,
  ): Promise<T> => {
    let last: T | undefined;
    try {
      return await waitFor(
        what,
        async () => {
          last = await read();
          return predicate(last) ? last : undefined;
        },
        { timeoutMs, intervalMs: 250 },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `${message}; last result: ${JSON.stringify(last)}; target: ${await lastScrapeError()}; ` +
          `prometheus output: ${output.join('').slice(-1000)}`,
      );
    }
  };

  try {
    await waitFor(
      'Prometheus to be ready',
      async () => {
        if (exited) {
          throw new Error(`prometheus exited: ${output.join('')}`);
        }
        const response = await fetch(`${url}/-/ready`);
        return response.ok;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    query,
    async waitForQuery(
      expression,
      predicate = (samples) => samples.length > 0,
      timeoutMs = 20_000,
    ) {
      return poll(
        `Prometheus query ${expression} to match`,
        () => query(expression),
        predicate,
        timeoutMs,
      );
    },
    queryExemplars,
    waitForExemplars(selector, predicate, timeoutMs = 20_000) {
      return poll(
        `Prometheus exemplars of ${selector} to match`,
        () => queryExemplars(selector),
        predicate,
        timeoutMs,
      );
    },
    stop,
  };
}
