import { CommanderError } from 'commander';
import { createDemoCommand, parseDemoCliOptions } from '../src/cli-options.js';

describe('parseDemoCliOptions', () => {
  it('should read --collector', () => {
    expect(parseDemoCliOptions(['--collector', 'http://127.0.0.1:4318']).collector).toBe(
      'http://127.0.0.1:4318',
    );
  });

  // Issue 14 D5: every printed URL is redacted, the error about a bad --collector included.
  it.each([
    ['--collector', 'user:pa55@collector:4318'],
    ['--collector=ftp://user:pa55@collector', undefined],
  ])('should not print the credentials of a rejected %s', (flag, value) => {
    const errors: string[] = [];
    const command = createDemoCommand().configureOutput({ writeErr: (text) => errors.push(text) });
    const argv = value === undefined ? [flag] : [flag, value];
    expect(() => parseDemoCliOptions(argv, command)).toThrow(CommanderError);
    expect(errors.join('')).toContain('--collector');
    expect(errors.join('')).toContain('[REDACTED]@collector');
    expect(errors.join('')).not.toContain('pa55');
  });
});

describe('parseDemoCliOptions on a broker', () => {
  it('should read --broker and --workers, and default to the producer role, topic events and group demo-processor', () => {
    expect(
      parseDemoCliOptions(['--broker', 'kafka://127.0.0.1:9092', '--workers', '3']),
    ).toMatchObject({
      broker: 'kafka://127.0.0.1:9092',
      workers: 3,
      role: 'producer',
      topic: 'events',
      group: 'demo-processor',
      chainTopic: 'chain',
      instrumentKafkajs: false,
    });
  });

  it('should leave the in-process queue the default (no broker)', () => {
    expect(parseDemoCliOptions([]).broker).toBeUndefined();
  });

  it('should refuse a --broker that is not a kafka:// URL, saying what is expected', () => {
    const errors: string[] = [];
    const command = createDemoCommand().configureOutput({ writeErr: (text) => errors.push(text) });
    expect(() => parseDemoCliOptions(['--broker', 'localhost:9092'], command)).toThrow(
      CommanderError,
    );
    expect(errors.join('')).toContain('is not a kafka:// URL: expected kafka://host:port');
  });
});

describe('parseDemoCliOptions for the web view', () => {
  it('should serve the web view by default, and read --no-ui and --ui-port', () => {
    expect(parseDemoCliOptions([])).toMatchObject({ ui: true, uiPort: undefined });
    expect(parseDemoCliOptions(['--no-ui']).ui).toBe(false);
    expect(parseDemoCliOptions(['--ui-port', '9000']).uiPort).toBe(9000);
  });

  it('should refuse a --ui-port that is not a port', () => {
    const errors: string[] = [];
    const command = createDemoCommand().configureOutput({ writeErr: (text) => errors.push(text) });
    expect(() => parseDemoCliOptions(['--ui-port', '1.5'], command)).toThrow(CommanderError);
    expect(errors.join('')).toContain('ui-port must be an integer from 0 to 65535.');
  });
});
