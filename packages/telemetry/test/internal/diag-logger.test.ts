import { diag } from '@opentelemetry/api';
import { createTestDiagLogger, installTestDiagLogger } from '@proc/telemetry-testing';
import { hasDiagLogger, installDiagLogger } from '../../src/internal/diag-logger.js';

describe('installDiagLogger', () => {
  afterEach(() => diag.disable());

  it('should register the logger at the configured level and remove it again', () => {
    const logger = createTestDiagLogger();

    const uninstall = installDiagLogger('warn', logger);
    diag.warn('shown');
    diag.info('hidden');
    uninstall!();
    diag.error('after removal');

    expect(logger.messages).toEqual([{ level: 'warn', text: 'shown' }]);
    expect(hasDiagLogger()).toBe(false);
  });

  it('should keep a logger that is already registered', () => {
    const theirs = installTestDiagLogger();
    const ours = createTestDiagLogger();

    expect(installDiagLogger('all', ours)).toBeUndefined();
    diag.warn('to theirs');

    expect(ours.messages).toEqual([]);
    expect(theirs.has('warn', /to theirs/)).toBe(true);
  });

  it('should register nothing for level none', () => {
    expect(installDiagLogger('none', createTestDiagLogger())).toBeUndefined();
    expect(hasDiagLogger()).toBe(false);
  });
});
