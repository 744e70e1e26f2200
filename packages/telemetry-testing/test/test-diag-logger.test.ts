import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import { createTestDiagLogger, installTestDiagLogger } from '../src/index.js';

function collectingLogger(): DiagLogger & { lines: string[] } {
  const lines: string[] = [];
  const push = (message: string) => {
    lines.push(message);
  };
  return { lines, error: push, warn: push, info: push, debug: push, verbose: push };
}

describe('TestDiagLogger', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('createTestDiagLogger', () => {
    it('should record messages by level without installing itself', () => {
      const logger = createTestDiagLogger();
      diag.warn('not for the test logger');
      logger.error('boom');
      logger.warn('careful', 42);
      logger.info('fyi');
      logger.debug('details');
      logger.verbose('everything');
      expect(logger.messages).toEqual([
        { level: 'error', text: 'boom' },
        { level: 'warn', text: 'careful 42' },
        { level: 'info', text: 'fyi' },
        { level: 'debug', text: 'details' },
        { level: 'verbose', text: 'everything' },
      ]);
    });

    it('should format errors as name and message and objects as JSON', () => {
      const logger = createTestDiagLogger();
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      logger.error('export failed', new TypeError('socket hang up'), { code: 14 }, circular, 3n);
      expect(logger.texts('error')).toEqual([
        'export failed TypeError: socket hang up {"code":14} [object Object] 3',
      ]);
    });

    it('should keep the messages of errors nested in arrays and objects', () => {
      const logger = createTestDiagLogger();
      logger.error('export failed', [new Error('collector unavailable')], { total: 2n });
      expect(logger.texts('error')).toEqual([
        'export failed ["Error: collector unavailable"] {"total":"2"}',
      ]);
    });
  });

  describe('texts', () => {
    it('should return the texts of one level, in order', () => {
      const logger = createTestDiagLogger();
      logger.warn('first');
      logger.error('other');
      logger.warn('second');
      expect(logger.texts('warn')).toEqual(['first', 'second']);
      expect(logger.texts('info')).toEqual([]);
    });
  });

  describe('has', () => {
    it('should match a pattern against messages of the given level only', () => {
      const logger = createTestDiagLogger();
      logger.warn('@proc/x: queue full');
      expect(logger.has('warn', /queue full/)).toBe(true);
      expect(logger.has('warn', /^@proc\/x: /)).toBe(true);
      expect(logger.has('error', /queue full/)).toBe(false);
      expect(logger.has('warn', /nothing/)).toBe(false);
    });
  });

  describe('install', () => {
    it('should receive global diag messages at WARN and above by default', () => {
      const logger = createTestDiagLogger().install();
      diag.error('e');
      diag.warn('w');
      diag.info('i');
      diag.debug('d');
      expect(logger.messages).toEqual([
        { level: 'error', text: 'e' },
        { level: 'warn', text: 'w' },
      ]);
    });

    it('should honour logLevel', () => {
      const logger = createTestDiagLogger().install({ logLevel: DiagLogLevel.ALL });
      diag.verbose('v');
      diag.debug('d');
      expect(logger.texts('verbose')).toEqual(['v']);
      expect(logger.texts('debug')).toContain('d');
    });

    it('should not log the API override warning into the logger it replaces', () => {
      const previous = collectingLogger();
      diag.setLogger(previous, DiagLogLevel.WARN);
      const logger = installTestDiagLogger();
      expect(previous.lines).toEqual([]);
      expect(logger.messages).toEqual([]);
    });

    it('should only change the level when installed twice', () => {
      const previous = collectingLogger();
      diag.setLogger(previous, DiagLogLevel.WARN);
      const logger = installTestDiagLogger();
      logger.install({ logLevel: DiagLogLevel.ALL });
      diag.debug('d');
      logger.uninstall();
      diag.warn('back');
      expect(logger.texts('debug')).toContain('d');
      expect(previous.lines).toEqual(['back']);
    });
  });

  describe('uninstall', () => {
    it('should disable diag when no logger was registered before', () => {
      const logger = installTestDiagLogger();
      logger.uninstall();
      diag.warn('after');
      expect(logger.messages).toEqual([]);
      expect(diag.setLogger(collectingLogger())).toBe(true);
    });

    it('should restore the previous logger with its own level', () => {
      const previous = collectingLogger();
      diag.setLogger(previous, DiagLogLevel.WARN);
      const logger = installTestDiagLogger();
      diag.warn('to the test logger');
      logger.uninstall();
      diag.warn('to the previous logger');
      diag.info('filtered by the previous level');
      expect(logger.texts('warn')).toEqual(['to the test logger']);
      expect(previous.lines).toEqual(['to the previous logger']);
    });

    it('should leave a logger registered after it in place', () => {
      const logger = installTestDiagLogger();
      const later = collectingLogger();
      diag.setLogger(later, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
      logger.uninstall();
      diag.warn('still later');
      expect(later.lines).toEqual(['still later']);
      expect(logger.messages).toEqual([]);
    });

    it('should do nothing when not installed', () => {
      const previous = collectingLogger();
      diag.setLogger(previous, DiagLogLevel.WARN);
      const logger = createTestDiagLogger();
      logger.uninstall();
      const installed = logger.install();
      installed.uninstall();
      installed.uninstall();
      diag.warn('kept');
      expect(previous.lines).toEqual(['kept']);
    });
  });
});
