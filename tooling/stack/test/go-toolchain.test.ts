import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  findGo,
  goVersionAtLeast,
  parseGoVersion,
  requiredGoVersion,
} from '../src/go-toolchain.js';
import { findRepoRoot } from '../src/paths.js';
import { StackError } from '../src/stack-error.js';

const collectorModule = path.join(findRepoRoot(), 'infra', 'collector');

describe('parseGoVersion', () => {
  it('should read go version output and go.mod lines', () => {
    expect(parseGoVersion('go1.26.8')).toEqual([1, 26, 8]);
    expect(parseGoVersion('1.26')).toEqual([1, 26, 0]);
    expect(parseGoVersion('devel')).toBeUndefined();
  });
});

describe('goVersionAtLeast', () => {
  it('should compare major, minor and patch in order', () => {
    expect(goVersionAtLeast([1, 26, 8], [1, 26, 0])).toBe(true);
    expect(goVersionAtLeast([1, 26, 0], [1, 26, 0])).toBe(true);
    expect(goVersionAtLeast([1, 25, 9], [1, 26, 0])).toBe(false);
    expect(goVersionAtLeast([2, 0, 0], [1, 26, 0])).toBe(true);
  });
});

describe('requiredGoVersion', () => {
  it("should read the collector module's go line", () => {
    expect(requiredGoVersion(collectorModule)).toMatch(/^1\.\d+/);
  });
});

describe('findGo', () => {
  let bin: string;

  beforeEach(() => {
    bin = mkdtempSync(path.join(tmpdir(), 'stack-go-'));
  });

  afterEach(() => {
    rmSync(bin, { recursive: true, force: true });
  });

  /** A `go` on PATH that prints `output` for `go version`. */
  const fakeGo = (output: string) => {
    const file = path.join(bin, 'go');
    writeFileSync(file, `#!/bin/sh\necho "${output}"\n`);
    chmodSync(file, 0o755);
  };

  it('should say that Go is missing, what needs it and which version to install', () => {
    const find = () => findGo([collectorModule], { PATH: bin });
    expect(find).toThrow(StackError);
    expect(find).toThrow(/Go is not on PATH\. .*built from their Go modules .*Install Go 1\.\d+/s);
  });

  it('should refuse a Go older than go.mod names', () => {
    fakeGo('go version go1.20.1 linux/amd64');
    expect(() => findGo([collectorModule], { PATH: bin })).toThrow(
      /Go go1\.20\.1 is too old: .*infra\/collector\/go\.mod needs go 1\.\d+/,
    );
  });

  it('should accept a new enough Go', () => {
    fakeGo('go version go1.99.0 linux/amd64');
    expect(findGo([collectorModule], { PATH: bin })).toEqual({ version: 'go1.99.0' });
  });
});
