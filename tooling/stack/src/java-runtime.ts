import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findProgram } from './find-program.js';
import { StackError } from './stack-error.js';

/** The oldest Java that runs the Kafka 4.x broker (KIP-1013: brokers need Java 17). */
export const MIN_JAVA_MAJOR = 17;

/** The Java that runs Kafka. */
export interface JavaRuntime {
  /** Absolute path of `java`. */
  command: string;
  /** Its feature release, e.g. 17. */
  major: number;
}

/** The feature release of `java -version` output (`openjdk version "17.0.15"`, `"1.8.0_392"`). */
export function parseJavaMajor(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  // Java 8 and older call themselves 1.x.
  return first === 1 ? Number(match[2] ?? 0) : first;
}

/**
 * Finds Java for the Kafka broker: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` on
 * PATH; 17 or newer.
 */
export function findJava(env: NodeJS.ProcessEnv = process.env): JavaRuntime {
  const fromHome = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : undefined;
  const command = fromHome ?? findProgram('java', env);
  const install =
    `Install a Java ${MIN_JAVA_MAJOR} runtime (Debian: apt-get install openjdk-17-jre-headless; ` +
    '`npm run setup` does it as root) or set JAVA_HOME to one, and run it again.';
  if (!command) {
    throw new StackError(
      `Java is not on PATH. The stack runs Apache Kafka (the broker of \`pnpm demo --broker\`) ` +
        `as a Java process from the jars of infra/kafka/pom.xml. ${install}`,
    );
  }
  const run = spawnSync(command, ['-version'], { encoding: 'utf8', env, timeout: 30_000 });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new StackError(
      `JAVA_HOME is ${env.JAVA_HOME}, but ${command} does not exist. ${install}`,
    );
  }
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const major = parseJavaMajor(output);
  if (run.error || run.status !== 0 || major === undefined) {
    throw new StackError(
      `\`${command} -version\` failed: ${run.error?.message ?? output.trim()}. ${install}`,
    );
  }
  if (major < MIN_JAVA_MAJOR) {
    throw new StackError(
      `Java ${major} (${command}) is too old: Kafka 4.x needs Java ${MIN_JAVA_MAJOR} or newer. ${install}`,
    );
  }
  return { command, major };
}
