import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findJava, parseJavaMajor } from '../src/java-runtime.js';
import { StackError } from '../src/stack-error.js';

describe('parseJavaMajor', () => {
  it('should read the feature release of java -version output', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });
});

describe('findJava', () => {
  let bin: string;

  beforeEach(() => {
    bin = mkdtempSync(path.join(tmpdir(), 'stack-java-'));
  });

  afterEach(() => {
    rmSync(bin, { recursive: true, force: true });
  });

  /** A `java` in `dir` whose `-version` prints `output` on stderr, as the JDK does. */
  const fakeJava = (dir: string, output: string) => {
    const file = path.join(dir, 'java');
    writeFileSync(file, `#!/bin/sh\necho '${output}' >&2\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('should say that Java is missing, what needs it and what to install', () => {
    const find = () => findJava({ PATH: bin });
    expect(find).toThrow(StackError);
    expect(find).toThrow(
      /Java is not on PATH\. The stack runs Apache Kafka .*Install a Java 17 runtime \(Debian: apt-get install openjdk-17-jre-headless/s,
    );
  });

  it('should refuse a Java older than 17', () => {
    fakeJava(bin, 'openjdk version "11.0.2" 2019-01-15');
    expect(() => findJava({ PATH: bin })).toThrow(
      /Java 11 \(.*\/java\) is too old: Kafka 4\.x needs Java 17 or newer/,
    );
  });

  it('should prefer JAVA_HOME over PATH', () => {
    const home = path.join(bin, 'jdk');
    const homeBin = path.join(home, 'bin');
    require('node:fs').mkdirSync(homeBin, { recursive: true });
    const java = fakeJava(homeBin, 'openjdk version "21.0.1" 2023-10-17');
    fakeJava(bin, 'openjdk version "11.0.2" 2019-01-15');
    expect(findJava({ PATH: bin, JAVA_HOME: home })).toEqual({ command: java, major: 21 });
  });

  it('should name a JAVA_HOME without a java in it', () => {
    expect(() => findJava({ PATH: bin, JAVA_HOME: path.join(bin, 'nowhere') })).toThrow(
      /JAVA_HOME is .*nowhere, but .*nowhere\/bin\/java does not exist/,
    );
  });
});
