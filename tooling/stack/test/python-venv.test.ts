import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findPython, parsePythonVersion } from '../src/python-venv.js';
import { StackError } from '../src/stack-error.js';

describe('parsePythonVersion', () => {
  it('should read python --version output', () => {
    expect(parsePythonVersion('Python 3.11.7')).toEqual([3, 11, 7]);
    expect(parsePythonVersion('Python 3.12')).toEqual([3, 12, 0]);
    expect(parsePythonVersion('bash: python3: not found')).toBeUndefined();
  });
});

describe('findPython', () => {
  let bin: string;

  beforeEach(() => {
    bin = mkdtempSync(path.join(tmpdir(), 'stack-python-'));
  });

  afterEach(() => {
    rmSync(bin, { recursive: true, force: true });
  });

  /** A `python3` printing `version` and whose `-m venv --help` exits with `venvStatus`. */
  const fakePython = (version: string, venvStatus = 0) => {
    const file = path.join(bin, 'python3');
    writeFileSync(
      file,
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${version}"; exit 0; fi\nexit ${venvStatus}\n`,
    );
    chmodSync(file, 0o755);
    return file;
  };

  it('should say that python3 is missing and what needs it', () => {
    const find = () => findPython({ PATH: bin });
    expect(find).toThrow(StackError);
    expect(find).toThrow(
      /python3 is not on PATH\. The chain relay .*apt-get install python3 python3-venv/s,
    );
  });

  it('should refuse a Python older than the SDK supports', () => {
    fakePython('Python 3.8.10');
    expect(() => findPython({ PATH: bin })).toThrow(
      /is Python 3\.8\.10: .*needs Python 3\.9 or newer/s,
    );
  });

  it('should say when the venv module is missing', () => {
    fakePython('Python 3.11.2', 1);
    expect(() => findPython({ PATH: bin })).toThrow(
      /has no venv module\. .*apt-get install python3-venv/s,
    );
  });

  it('should accept a new enough Python with venv', () => {
    const file = fakePython('Python 3.11.7');
    expect(findPython({ PATH: bin })).toEqual({ command: file, version: '3.11.7' });
  });
});
