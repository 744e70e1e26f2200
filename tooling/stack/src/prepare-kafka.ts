import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kafkaLibDir } from './kafka-jars.js';
import type { StackPaths } from './paths.js';
import type { StackPorts } from './ports.js';
import { StackError } from './stack-error.js';

/** The broker's files of one stack. */
export interface KafkaFiles {
  /** The configuration the broker runs: infra/kafka/server.properties plus this stack's addresses. */
  config: string;
  /** Its data (KRaft metadata log and topic partitions). */
  dataDir: string;
  /** The class path: every jar of .stack/kafka/lib. */
  classPath: string;
  /** infra/kafka/log4j2.yaml. */
  log4jConfig: string;
}

export function kafkaFiles(paths: StackPaths): KafkaFiles {
  return {
    config: path.join(paths.stateDir, 'kafka', 'server.properties'),
    dataDir: path.join(paths.dataDir, 'kafka'),
    classPath: `${kafkaLibDir(paths.kafkaDir)}/*`,
    log4jConfig: path.join(paths.infraDir, 'kafka', 'log4j2.yaml'),
  };
}

/**
 * The lines this stack adds to infra/kafka/server.properties: where it listens (127.0.0.1 only),
 * what it tells clients, the controller quorum (itself) and its data folder.
 */
export function kafkaAddressLines(ports: StackPorts, dataDir: string): string[] {
  return [
    `listeners=PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.kafkaController}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.kafka}`,
    `controller.quorum.voters=1@127.0.0.1:${ports.kafkaController}`,
    `log.dirs=${dataDir}`,
  ];
}

/**
 * Writes the broker's configuration for this stack (Kafka expands no variables in it, so the
 * addresses are appended to a copy of the shared file, as Prometheus gets its target files) and
 * returns the files.
 */
export function prepareKafkaConfig(paths: StackPaths, ports: StackPorts): KafkaFiles {
  const files = kafkaFiles(paths);
  const shared = readFileSync(path.join(paths.infraDir, 'kafka', 'server.properties'), 'utf8');
  mkdirSync(path.dirname(files.config), { recursive: true });
  writeFileSync(
    files.config,
    `${shared.trimEnd()}\n\n# Added by @proc/stack (tooling/stack/src/prepare-kafka.ts) for this stack:\n` +
      `${kafkaAddressLines(ports, files.dataDir).join('\n')}\n`,
  );
  return files;
}

/** True once the data folder holds a formatted KRaft log. */
export function isKafkaStorageFormatted(files: KafkaFiles): boolean {
  return existsSync(path.join(files.dataDir, 'meta.properties'));
}

/** A new KRaft cluster id: 16 random bytes, URL-safe base64 without padding (as `kafka-storage random-uuid`). */
export function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Formats the data folder for KRaft (`kafka-storage format`) unless it already is: once per data
 * folder, so topics and committed offsets survive `down` and `up`. Output goes to `logFile`.
 */
export async function formatKafkaStorage(
  files: KafkaFiles,
  options: { java: string; logFile: string; env?: NodeJS.ProcessEnv },
): Promise<'formatted' | 'already formatted'> {
  if (isKafkaStorageFormatted(files)) return 'already formatted';
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const args = [
    '-cp',
    files.classPath,
    `-Dlog4j2.configurationFile=${files.log4jConfig}`,
    'kafka.tools.StorageTool',
    'format',
    '--cluster-id',
    newClusterId(),
    '--config',
    files.config,
    '--ignore-formatted',
  ];
  const log = openSync(options.logFile, 'w');
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(options.java, args, {
        env: options.env ?? process.env,
        stdio: ['ignore', log, log],
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code));
    });
    if (status !== 0 || !isKafkaStorageFormatted(files)) {
      throw new StackError(
        `formatting Kafka's storage in ${files.dataDir} failed (exit ${status}); the output is ` +
          `in ${options.logFile}.`,
      );
    }
  } finally {
    closeSync(log);
  }
  return 'formatted';
}
