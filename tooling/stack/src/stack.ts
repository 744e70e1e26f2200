import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { binaryPaths, buildBinary, isBuilt } from './build-binary.js';
import { findProgram } from './find-program.js';
import { goBinaries } from './go-binaries.js';
import { findGo } from './go-toolchain.js';
import { findJava } from './java-runtime.js';
import { ensureTopics, kafkaAnswers } from './kafka-admin.js';
import { areJarsFetched, fetchKafkaJars, type KafkaJarsPaths } from './kafka-jars.js';
import { readTopics } from './kafka-topics.js';
import { logTail } from './log-tail.js';
import { type StackPaths, stackPaths } from './paths.js';
import { isPortInUse } from './port-in-use.js';
import { PORT_OFFSET_ENV, portsWithOffset, type StackPorts } from './ports.js';
import {
  formatKafkaStorage,
  isKafkaStorageFormatted,
  prepareKafkaConfig,
} from './prepare-kafka.js';
import { preparePrometheus } from './prepare-prometheus.js';
import {
  isAlive,
  logFile,
  pidFile,
  readPidRecord,
  startDetached,
  stopProcess,
} from './process-control.js';
import { ensureVenv, findPython, isVenvReady, type VenvPaths, venvPython } from './python-venv.js';
import { SERVICE_NAMES, type ServiceName, type ServiceSpec } from './service-spec.js';
import { serviceSpecs } from './service-specs.js';
import { StackError } from './stack-error.js';
import { answers200, waitReady } from './wait-ready.js';

/** Options of {@link createStack}. */
export interface StackOptions {
  /** Added to every default port (`PROC_STACK_PORT_OFFSET`). Default 0. */
  portOffset?: number;
  /** Folder of pid files, logs and data. Default `.stack/` at the repository root. */
  stateDir?: string;
  /** Progress lines (builds, starts). Default: none. */
  log?: (line: string) => void;
  /** How long a service may take to become ready. Default 60000. */
  readyTimeoutMillis?: number;
  env?: NodeJS.ProcessEnv;
}

/** One service as `status` sees it. */
export interface ServiceStatus {
  name: ServiceName;
  state: 'ready' | 'running, not ready' | 'stopped';
  pid?: number;
  log: string;
}

/** The native stack of one checkout. */
export interface Stack {
  readonly paths: StackPaths;
  readonly ports: StackPorts;
  /** Builds what is not cached, then starts every service not yet running and waits for it. */
  up(): Promise<void>;
  /** Stops every service (the collector before Jaeger, so it can flush to it). */
  down(): Promise<void>;
  status(): Promise<ServiceStatus[]>;
  /** Starts one service (after {@link Stack.stopService}) and waits until it is ready. */
  startService(name: ServiceName): Promise<void>;
  stopService(name: ServiceName): Promise<void>;
}

/** Creates the controller of a stack; nothing starts until `up()`. */
export function createStack(options: StackOptions = {}): Stack {
  const paths = stackPaths(options.stateDir ? { stateDir: options.stateDir } : {});
  const ports = portsWithOffset(options.portOffset ?? 0);
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const readyTimeoutMillis = options.readyTimeoutMillis ?? 60_000;
  const binaries = goBinaries(paths.infraDir);
  const jars: KafkaJarsPaths = {
    moduleDir: path.join(paths.infraDir, 'kafka'),
    kafkaDir: paths.kafkaDir,
    mavenRepo: path.join(paths.cacheDir, 'm2'),
  };
  const venv: VenvPaths = {
    requirements: path.join(paths.repoRoot, 'apps', 'chain-relay', 'requirements.txt'),
    venvDir: path.join(paths.pythonDir, 'venv'),
    pipCache: path.join(paths.cacheDir, 'pip'),
  };
  let specs: Record<ServiceName, ServiceSpec> | undefined;

  const buildIfNeeded = async () => {
    const missing = Object.values(binaries).filter((b) => !isBuilt(paths.binDir, b));
    if (missing.length === 0) return;
    const go = findGo(
      missing.map((b) => b.moduleDir),
      env,
    );
    for (const binary of missing) {
      const started = Date.now();
      const buildLog = logFile(paths.logDir, `build-${binary.name}`);
      log(`building ${binary.name} with ${go.version} (first time only; a few minutes)…`);
      await buildBinary(binary, { binDir: paths.binDir, logFile: buildLog, env });
      log(`built ${binary.name} in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  };

  // The Kafka jars (Maven, once) and the relay's environment (pip, once), each cached by
  // fingerprint like the Go builds.
  const fetchIfNeeded = async () => {
    if (!areJarsFetched(jars)) {
      const started = Date.now();
      log('fetching the Kafka broker jars with Maven (first time only; about a minute)…');
      await fetchKafkaJars(jars, { logFile: logFile(paths.logDir, 'fetch-kafka-jars'), env });
      log(`fetched the Kafka jars in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    const python = findPython(env);
    if (!isVenvReady(venv, python)) {
      const started = Date.now();
      log(
        `installing the chain relay's Python packages with Python ${python.version} (first time only)…`,
      );
      await ensureVenv(venv, python, { logFile: logFile(paths.logDir, 'install-relay-venv'), env });
      log(`installed them in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  };

  /** `strict`: every program must be found (`up`); `status` only reads pid files and probes. */
  const resolveSpecs = (strict = true) => {
    if (specs) return specs;
    const prometheus = findProgram('prometheus', env);
    if (!prometheus && strict) {
      throw new StackError(
        'prometheus is not on PATH. On Debian, `npm run setup` as root installs it (package ' +
          '`prometheus`, which also brings promtool); elsewhere install Prometheus 2.42 or newer.',
      );
    }
    const commands = {
      collector: binaryPaths(paths.binDir, binaries.collector).file,
      jaeger: binaryPaths(paths.binDir, binaries.jaeger).file,
      prometheus: prometheus ?? 'prometheus',
      java: strict ? findJava(env).command : 'java',
      python: venvPython(venv.venvDir),
    };
    const resolved = serviceSpecs(
      paths,
      ports,
      commands,
      preparePrometheus(paths, ports),
      prepareKafkaConfig(paths, ports),
    );
    if (strict) specs = resolved;
    return resolved;
  };

  /** Every readiness check of a service: its URLs and, for Kafka, a metadata request. */
  const probesOf = (spec: ServiceSpec) =>
    spec.readyKafkaBroker ? [() => kafkaAnswers(spec.readyKafkaBroker!)] : [];

  const runningRecord = (name: ServiceName) => {
    const record = readPidRecord(pidFile(paths.runDir, name));
    return record && isAlive(record) ? record : undefined;
  };

  const startService = async (name: ServiceName) => {
    const spec = resolveSpecs()[name];
    if (runningRecord(name)) {
      log(`${name}: already running`);
    } else {
      for (const port of spec.ports) {
        if (await isPortInUse(port)) {
          throw new StackError(
            `${name} cannot start: port ${port} on 127.0.0.1 is in use by another program. ` +
              `Stop it, or move the whole stack with ${PORT_OFFSET_ENV} (e.g. ` +
              `${PORT_OFFSET_ENV}=2000 pnpm stack up; the e2e tests use +1000 unless it is set).`,
          );
        }
      }
      if (name === 'kafka') await formatKafkaIfNeeded(spec);
      startDetached(spec, paths);
    }
    const record = runningRecord(name);
    const outcome = await waitReady(spec.readyUrls, {
      timeoutMillis: readyTimeoutMillis,
      isRunning: () => record !== undefined && isAlive(record),
      probes: probesOf(spec),
    });
    if (outcome !== 'ready') {
      const file = logFile(paths.logDir, name);
      throw new StackError(
        `${name} ${outcome === 'exited' ? 'exited while starting' : `was not ready within ${readyTimeoutMillis} ms`} ` +
          `(${spec.readyUrls.join(', ')}). Last lines of ${file}:\n${logTail(file)}`,
      );
    }
    log(`${name}: ready (pid ${record?.pid})`);
    if (name === 'kafka') {
      // infra/kafka/topics.txt, as compose's kafka-topics service creates them.
      for (const line of await ensureTopics(spec.readyKafkaBroker!, readTopics(paths.infraDir)))
        log(`kafka: topic ${line}`);
    }
  };

  // KRaft needs its data folder formatted once (a cluster id and the controller quorum).
  const formatKafkaIfNeeded = async (spec: ServiceSpec) => {
    const kafka = prepareKafkaConfig(paths, ports);
    if (isKafkaStorageFormatted(kafka)) return;
    await formatKafkaStorage(kafka, {
      java: spec.command,
      logFile: logFile(paths.logDir, 'kafka-format'),
      env,
    });
    log(`kafka: formatted ${kafka.dataDir}`);
  };

  const stopService = async (name: ServiceName) => {
    const file = pidFile(paths.runDir, name);
    const record = readPidRecord(file);
    if (!record) return;
    const outcome = await stopProcess(record, file);
    log(`${name}: ${outcome}`);
  };

  const down = async () => {
    for (const name of [...SERVICE_NAMES].reverse()) await stopService(name);
  };

  return {
    paths,
    ports,
    startService,
    stopService,
    down,
    async up() {
      // Prometheus and Java are looked up first: a missing one fails before minutes of building.
      resolveSpecs();
      findPython(env);
      await buildIfNeeded();
      await fetchIfNeeded();
      mkdirSync(paths.runDir, { recursive: true });
      writeFileSync(path.join(paths.runDir, 'ports.json'), `${JSON.stringify(ports, null, 2)}\n`);
      const started: ServiceName[] = [];
      try {
        for (const name of SERVICE_NAMES) {
          if (!runningRecord(name)) started.push(name);
          await startService(name);
        }
      } catch (error) {
        // Leave nothing half-started behind: what this call started is stopped again.
        for (const name of started.reverse()) await stopService(name);
        throw error;
      }
    },
    async status() {
      const current = resolveSpecs(false);
      return Promise.all(
        SERVICE_NAMES.map(async (name): Promise<ServiceStatus> => {
          const record = runningRecord(name);
          const base = { name, log: logFile(paths.logDir, name) };
          if (!record) return { ...base, state: 'stopped' };
          const ready = (
            await Promise.all([
              ...current[name].readyUrls.map((u) => answers200(u)),
              ...probesOf(current[name]).map((probe) => probe()),
            ])
          ).every(Boolean);
          return { ...base, pid: record.pid, state: ready ? 'ready' : 'running, not ready' };
        }),
      );
    },
  };
}

/** The ports a running stack was started with (its run/ports.json), if any. */
export function readRunningPorts(paths: StackPaths): StackPorts | undefined {
  const file = path.join(paths.runDir, 'ports.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StackPorts) : undefined;
}
