import { type DiagLogger, diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { hasDiagLogger, installDiagLogger } from '../../src/internal/diag-logger.js';

function collectingLogger(): DiagLogger & { lines: string[] } {
  const lines: string[] = [];
  const log =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level} ${args.join(' ')}`);
  return {
    lines,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    verbose: log('verbose'),
  };
}

describe('installDiagLogger', () => {
  afterEach(() => diag.disable());

  it('should register the logger at the configured level and remove it again', () => {
    const logger = collectingLogger();

    const uninstall = installDiagLogger('warn', logger);
    diag.warn('shown');
    diag.info('hidden');
    uninstall!();
    diag.error('after removal');

    expect(logger.lines).toEqual(['warn shown']);
    expect(hasDiagLogger()).toBe(false);
  });

  it('should keep a logger that is already registered', () => {
    const theirs = installTestDiagLogger();
    const ours = collectingLogger();

    expect(installDiagLogger('all', ours)).toBeUndefined();
    diag.warn('to theirs');

    expect(ours.lines).toEqual([]);
    expect(theirs.has('warn', /to theirs/)).toBe(true);
  });

  it('should register nothing for level none', () => {
    expect(installDiagLogger('none', collectingLogger())).toBeUndefined();
    expect(hasDiagLogger()).toBe(false);
  });
});
