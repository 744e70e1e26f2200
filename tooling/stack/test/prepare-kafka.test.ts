import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stackPaths } from '../src/paths.js';
import { portsWithOffset } from '../src/ports.js';
import {
  formatKafkaStorage,
  isKafkaStorageFormatted,
  newClusterId,
  prepareKafkaConfig,
} from '../src/prepare-kafka.js';

/** key=value lines of a properties file (no continuation lines in ours). */
const properties = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.trim() && !l.trimStart().startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('prepareKafkaConfig', () => {
  let stateDir: string;

  beforeEach(() => {
    stateDir = mkdtempSync(path.join(tmpdir(), 'stack-kafka-'));
  });

  afterEach(() => {
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("should add this stack's 127.0.0.1 addresses and data folder to the shared settings", () => {
    const paths = stackPaths({ stateDir });
    const ports = portsWithOffset(1000);
    const files = prepareKafkaConfig(paths, ports);
    const written = properties(readFileSync(files.config, 'utf8'));
    const shared = properties(
      readFileSync(path.join(paths.infraDir, 'kafka', 'server.properties'), 'utf8'),
    );
    expect(written).toEqual({
      ...shared,
      listeners: `PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.kafkaController}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.kafka}`,
      'controller.quorum.voters': `1@127.0.0.1:${ports.kafkaController}`,
      'log.dirs': path.join(stateDir, 'data', 'kafka'),
    });
  });

  it('should leave every address out of the shared file (compose and the native stack differ only there)', () => {
    const shared = properties(
      readFileSync(path.join(stackPaths().infraDir, 'kafka', 'server.properties'), 'utf8'),
    );
    for (const key of ['listeners', 'advertised.listeners', 'controller.quorum.voters', 'log.dirs'])
      expect([key, shared[key]]).toEqual([key, undefined]);
    expect(shared['process.roles']).toBe('broker,controller');
  });
});

describe('formatKafkaStorage', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stack-kafka-format-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('should not run the storage tool again on a formatted data folder', async () => {
    const dataDir = path.join(dir, 'data');
    mkdirSync(dataDir);
    writeFileSync(path.join(dataDir, 'meta.properties'), 'version=1\n');
    const files = { config: 'x', dataDir, classPath: 'x', log4jConfig: 'x' };
    expect(isKafkaStorageFormatted(files)).toBe(true);
    // A java that would fail: it is never started.
    const outcome = await formatKafkaStorage(files, {
      java: path.join(dir, 'no-java'),
      logFile: path.join(dir, 'format.log'),
    });
    expect(outcome).toBe('already formatted');
  });

  it('should name the log when the storage tool fails', async () => {
    const files = {
      config: 'x',
      dataDir: path.join(dir, 'data'),
      classPath: 'x',
      log4jConfig: 'x',
    };
    const logFile = path.join(dir, 'format.log');
    await expect(formatKafkaStorage(files, { java: '/bin/false', logFile })).rejects.toThrow(
      `formatting Kafka's storage in ${files.dataDir} failed (exit 1); the output is in ${logFile}.`,
    );
  });
});

describe('newClusterId', () => {
  it('should make 22 URL-safe base64 characters (16 bytes), different each time', () => {
    const ids = new Set(Array.from({ length: 20 }, () => newClusterId()));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
