import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  binaryPaths,
  buildBinary,
  buildFingerprint,
  type GoBinary,
  isBuilt,
} from '../src/build-binary.js';
import { StackError } from '../src/stack-error.js';

describe('buildBinary', () => {
  let dir: string;
  let binary: GoBinary;
  let binDir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stack-build-'));
    const moduleDir = path.join(dir, 'module');
    mkdirSync(moduleDir);
    writeFileSync(path.join(moduleDir, 'go.mod'), 'module example.com/tool\n\ngo 1.26\n');
    writeFileSync(path.join(moduleDir, 'go.sum'), '');
    writeFileSync(path.join(moduleDir, 'main.go'), 'package main\n\nfunc main() {}\n');
    binary = { name: 'tool', moduleDir, target: '.' };
    binDir = path.join(dir, 'bin');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A `go` whose `build -o FILE` writes FILE (or fails), standing in for the compiler. */
  const goOnPath = (script: string) => {
    const tools = path.join(dir, 'tools');
    mkdirSync(tools, { recursive: true });
    writeFileSync(path.join(tools, 'go'), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(tools, 'go'), 0o755);
    return { ...process.env, PATH: `${tools}:/usr/bin:/bin` };
  };

  describe('buildFingerprint', () => {
    it('should change when go.sum or a .go file changes', () => {
      const before = buildFingerprint(binary);
      writeFileSync(path.join(binary.moduleDir, 'go.sum'), 'example.com/dep v1.0.0 h1:x\n');
      const afterSum = buildFingerprint(binary);
      writeFileSync(path.join(binary.moduleDir, 'extra.go'), 'package main\n');
      expect(new Set([before, afterSum, buildFingerprint(binary)]).size).toBe(3);
    });
  });

  it('should build once, then report the binary cached until its inputs change', async () => {
    const env = goOnPath('while [ "$1" != "-o" ]; do shift; done; echo built > "$2"');
    const logFile = path.join(dir, 'build.log');
    expect(isBuilt(binDir, binary)).toBe(false);
    expect(await buildBinary(binary, { binDir, logFile, env })).toBe('built');
    expect(readFileSync(binaryPaths(binDir, binary).file, 'utf8')).toBe('built\n');
    expect(await buildBinary(binary, { binDir, logFile, env })).toBe('cached');
    writeFileSync(path.join(binary.moduleDir, 'main.go'), 'package main\n\nfunc main() { }\n');
    expect(isBuilt(binDir, binary)).toBe(false);
  });

  it("should fail naming the build log, which holds the compiler's output", async () => {
    const env = goOnPath('echo "main.go:3: undefined: nope" >&2; exit 1');
    const logFile = path.join(dir, 'build.log');
    const build = buildBinary(binary, { binDir, logFile, env });
    await expect(build).rejects.toThrow(StackError);
    await expect(buildBinary(binary, { binDir, logFile, env })).rejects.toThrow(
      `building tool failed (go build -trimpath -buildvcs=false -mod=readonly -o ${binaryPaths(binDir, binary).file}.partial . in ${binary.moduleDir}, exit 1); the compiler's output is in ${logFile}.`,
    );
    expect(readFileSync(logFile, 'utf8')).toContain('undefined: nope');
    expect(isBuilt(binDir, binary)).toBe(false);
  });
});
