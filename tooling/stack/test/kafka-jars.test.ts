import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  areJarsFetched,
  expectedJarFiles,
  fetchKafkaJars,
  type KafkaJarsPaths,
  kafkaLibDir,
} from '../src/kafka-jars.js';
import { stackPaths } from '../src/paths.js';
import { StackError } from '../src/stack-error.js';

describe('expectedJarFiles', () => {
  it('should list the jars of infra/kafka/jars.txt, the broker and its log binding among them', () => {
    const files = expectedJarFiles(path.join(stackPaths().infraDir, 'kafka'));
    expect(files).toContain('kafka_2.13-4.4.0.jar');
    expect(files).toContain('kafka-clients-4.4.0.jar');
    expect(files).toContain('log4j-slf4j-impl-2.25.5.jar');
    expect(new Set(files).size).toBe(files.length);
  });

  it('should pin in pom.xml every jar jars.txt lists, at the same version', () => {
    const moduleDir = path.join(stackPaths().infraDir, 'kafka');
    const pom = readFileSync(path.join(moduleDir, 'pom.xml'), 'utf8');
    const lines = readFileSync(path.join(moduleDir, 'jars.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    for (const line of lines) {
      const [group, artifact, version] = line.split(':');
      const pinned = new RegExp(
        `<groupId>${group}</groupId>\\s*<artifactId>${artifact}</artifactId>\\s*<version>${version}</version>`,
      );
      expect([line, pinned.test(pom)]).toEqual([line, true]);
    }
  });
});

describe('fetchKafkaJars', () => {
  let dir: string;
  let paths: KafkaJarsPaths;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stack-jars-'));
    const moduleDir = path.join(dir, 'module');
    mkdirSync(moduleDir);
    writeFileSync(path.join(moduleDir, 'pom.xml'), '<project/>\n');
    writeFileSync(
      path.join(moduleDir, 'jars.txt'),
      '# pins\norg.example:one:1.0\norg.example:two:2.0\n',
    );
    paths = { moduleDir, kafkaDir: path.join(dir, 'kafka'), mavenRepo: path.join(dir, 'm2') };
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** An `mvn` on PATH that "copies" the named jars into -DoutputDirectory, standing in for Maven. */
  const mvnCopying = (jars: string[]) => {
    const tools = path.join(dir, 'tools');
    mkdirSync(tools, { recursive: true });
    const script = [
      '#!/bin/sh',
      // The value of -DoutputDirectory=… (sed, so the script has no shell ${…} expansion).
      'for a in "$@"; do case "$a" in -DoutputDirectory=*) out=$(echo "$a" | sed s/^-DoutputDirectory=//);; esac; done',
      'mkdir -p "$out"',
      ...jars.map((j) => `echo jar > "$out/${j}"`),
    ].join('\n');
    writeFileSync(path.join(tools, 'mvn'), `${script}\n`);
    chmodSync(path.join(tools, 'mvn'), 0o755);
    return { ...process.env, PATH: `${tools}:/usr/bin:/bin` };
  };

  it('should fetch once, then report the jars cached until pom.xml or jars.txt changes', async () => {
    const env = mvnCopying(['one-1.0.jar', 'two-2.0.jar']);
    const logFile = path.join(dir, 'fetch.log');
    expect(await fetchKafkaJars(paths, { logFile, env })).toBe('fetched');
    expect(readFileSync(path.join(kafkaLibDir(paths.kafkaDir), 'two-2.0.jar'), 'utf8')).toBe(
      'jar\n',
    );
    expect(await fetchKafkaJars(paths, { logFile, env })).toBe('cached');
    writeFileSync(path.join(paths.moduleDir, 'pom.xml'), '<project><!-- changed --></project>\n');
    expect(areJarsFetched(paths)).toBe(false);
  });

  it('should refuse a resolution that differs from jars.txt, naming both sides', async () => {
    const env = mvnCopying(['one-1.0.jar', 'two-2.1.jar']);
    const fetch = fetchKafkaJars(paths, { logFile: path.join(dir, 'fetch.log'), env });
    await expect(fetch).rejects.toThrow(StackError);
    await expect(
      fetchKafkaJars(paths, { logFile: path.join(dir, 'fetch.log'), env }),
    ).rejects.toThrow('(unexpected: two-2.1.jar; missing: two-2.0.jar)');
    expect(areJarsFetched(paths)).toBe(false);
  });

  it('should say that Maven is missing and what it is needed for', async () => {
    await expect(
      fetchKafkaJars(paths, { logFile: path.join(dir, 'fetch.log'), env: { PATH: dir } }),
    ).rejects.toThrow(
      /Maven \(mvn\) is not on PATH\. The first `pnpm stack up` fetches the Kafka broker's jars/,
    );
  });
});
