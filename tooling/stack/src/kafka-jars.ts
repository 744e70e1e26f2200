import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { findProgram } from './find-program.js';
import { StackError } from './stack-error.js';

/** Where the broker's jars come from and go. */
export interface KafkaJarsPaths {
  /** infra/kafka: pom.xml (what Maven fetches) and jars.txt (what lib/ must then hold). */
  moduleDir: string;
  /** .stack/kafka: lib/ and its fingerprint. */
  kafkaDir: string;
  /** Maven's local repository, under .stack/ so a fetch touches nothing outside it. */
  mavenRepo: string;
}

/** `lib/`, the folder on the broker's class path, and the fingerprint of what filled it. */
export function kafkaLibDir(kafkaDir: string): string {
  return path.join(kafkaDir, 'lib');
}

/** The file names lib/ must hold, from jars.txt (`group:artifact:version` → `artifact-version.jar`). */
export function expectedJarFiles(moduleDir: string): string[] {
  return readFileSync(path.join(moduleDir, 'jars.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, artifact, version] = line.split(':');
      if (!artifact || !version) throw new Error(`jars.txt: not group:artifact:version: ${line}`);
      return `${artifact}-${version}.jar`;
    })
    .sort();
}

/** What lib/ is fetched from: pom.xml and jars.txt. */
export function jarsFingerprint(moduleDir: string): string {
  const hash = createHash('sha256');
  for (const file of ['pom.xml', 'jars.txt']) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(moduleDir, file)));
  }
  return hash.digest('hex');
}

const fingerprintFile = (kafkaDir: string) => path.join(kafkaDir, 'lib.fingerprint');

/** True when lib/ was fetched from exactly the current pom.xml and jars.txt. */
export function areJarsFetched(paths: KafkaJarsPaths): boolean {
  const file = fingerprintFile(paths.kafkaDir);
  return (
    existsSync(kafkaLibDir(paths.kafkaDir)) &&
    existsSync(file) &&
    readFileSync(file, 'utf8').trim() === jarsFingerprint(paths.moduleDir)
  );
}

/** Throws when Maven, needed for the first fetch only, is not on PATH. */
export function requireMaven(env: NodeJS.ProcessEnv = process.env): string {
  const mvn = findProgram('mvn', env);
  if (!mvn) {
    throw new StackError(
      "Maven (mvn) is not on PATH. The first `pnpm stack up` fetches the Kafka broker's jars " +
        '(infra/kafka/pom.xml) from Maven Central into .stack/kafka/lib, then they are cached. ' +
        'Install Maven (Debian: apt-get install maven; `npm run setup` does it as root) and run it again.',
    );
  }
  return mvn;
}

/**
 * Fetches the jars of infra/kafka/pom.xml into .stack/kafka/lib unless the fetched ones match
 * its inputs, then checks lib/ holds exactly the jars of jars.txt. Maven's output goes to
 * `logFile`; on failure the error names it.
 */
export async function fetchKafkaJars(
  paths: KafkaJarsPaths,
  options: { logFile: string; env?: NodeJS.ProcessEnv },
): Promise<'cached' | 'fetched'> {
  if (areJarsFetched(paths)) return 'cached';
  const env = options.env ?? process.env;
  const mvn = requireMaven(env);
  const lib = kafkaLibDir(paths.kafkaDir);
  // Fetched next to its final name and renamed, so an interrupted fetch leaves no half lib/.
  const partial = `${lib}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  mkdirSync(paths.mavenRepo, { recursive: true });
  const args = [
    '-B',
    '-f',
    path.join(paths.moduleDir, 'pom.xml'),
    `-Dmaven.repo.local=${paths.mavenRepo}`,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${partial}`,
    '-DincludeScope=runtime',
  ];
  const log = openSync(options.logFile, 'w');
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(mvn, args, { env, stdio: ['ignore', log, log] });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code));
    });
    if (status !== 0) {
      throw new StackError(
        `fetching the Kafka jars failed (mvn ${args.join(' ')}, exit ${status}); Maven's ` +
          `output is in ${options.logFile}.`,
      );
    }
  } finally {
    closeSync(log);
  }
  const fetched = existsSync(partial) ? readdirSync(partial).sort() : [];
  const expected = expectedJarFiles(paths.moduleDir);
  const extra = fetched.filter((f) => !expected.includes(f));
  const missing = expected.filter((f) => !fetched.includes(f));
  if (extra.length > 0 || missing.length > 0) {
    throw new StackError(
      `infra/kafka/pom.xml resolved other jars than infra/kafka/jars.txt pins ` +
        `(unexpected: ${extra.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'}). ` +
        'Pin the new versions in both files.',
    );
  }
  rmSync(lib, { recursive: true, force: true });
  renameSync(partial, lib);
  writeFileSync(fingerprintFile(paths.kafkaDir), `${jarsFingerprint(paths.moduleDir)}\n`);
  return 'fetched';
}
