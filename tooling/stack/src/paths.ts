import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where the stack's inputs (infra/) and its gitignored outputs (.stack/) are. */
export interface StackPaths {
  repoRoot: string;
  infraDir: string;
  /** Built binaries and their fingerprints; shared by every stack of the checkout. */
  binDir: string;
  /** This stack's state: run/ (pid files, ports), logs/, data/, prometheus/. */
  stateDir: string;
  runDir: string;
  logDir: string;
  dataDir: string;
  /**
   * Where the collector's `file/logs` exporter writes every log record it receives, as OTLP
   * JSON (one export request per line; emptied when the collector starts): the stack has no log
   * store, this file is it (`tail -f`, and what the e2e tests read).
   */
  collectorLogRecordsFile: string;
  /** The link to infra/prometheus.yaml and the target files beside it. */
  prometheusDir: string;
  /** The Kafka broker's jars (lib/, fetched by Maven) and their fingerprint; shared. */
  kafkaDir: string;
  /** The chain relay's virtual environment (venv/) and pip's cache; shared. */
  pythonDir: string;
  /** Download caches (Maven's repository, pip's cache); shared. */
  cacheDir: string;
}

/** The repository root: the nearest folder up from `from` with pnpm-workspace.yaml. */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (path.dirname(dir) === dir) {
      throw new Error(`no pnpm-workspace.yaml above ${from}: not inside the repository`);
    }
  }
}

/**
 * The paths of one stack. `stateDir` defaults to `.stack/` at the root; the end-to-end tests
 * use `.stack/e2e/` so they never touch a stack started with `pnpm stack up`.
 */
export function stackPaths(options: { repoRoot?: string; stateDir?: string } = {}): StackPaths {
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const stateDir = options.stateDir ?? path.join(repoRoot, '.stack');
  return {
    repoRoot,
    infraDir: path.join(repoRoot, 'infra'),
    binDir: path.join(repoRoot, '.stack', 'bin'),
    stateDir,
    runDir: path.join(stateDir, 'run'),
    logDir: path.join(stateDir, 'logs'),
    dataDir: path.join(stateDir, 'data'),
    collectorLogRecordsFile: path.join(stateDir, 'data', 'collector', 'log-records.jsonl'),
    prometheusDir: path.join(stateDir, 'prometheus'),
    kafkaDir: path.join(repoRoot, '.stack', 'kafka'),
    pythonDir: path.join(repoRoot, '.stack', 'python'),
    cacheDir: path.join(repoRoot, '.stack', 'cache'),
  };
}
