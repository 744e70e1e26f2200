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
