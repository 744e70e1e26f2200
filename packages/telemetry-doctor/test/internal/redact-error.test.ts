import { redactError } from '../../src/internal/redact-error.js';

describe('redactError', () => {
  it('should keep the first line of an error message', () => {
    expect(redactError(new Error('write EPROTO ssl3_get_record:wrong version number:\n'))).toBe(
      'write EPROTO ssl3_get_record:wrong version number:',
    );
  });

  it('should redact userinfo in any URL the message names', () => {
    expect(redactError(new Error('cannot reach https://user:pw@collector:4318/v1/traces'))).toBe(
      'cannot reach https://[REDACTED]@collector:4318/v1/traces',
    );
  });

  it("should keep the cause of grpc-js's connection error, without its timestamp", () => {
    const error = Object.assign(
      new Error(
        '14 UNAVAILABLE: No connection established. Last error: Error: unable to verify the first certificate (2026-12-01T11:23:13.077Z). Resolution note: ',
      ),
      { code: 14 },
    );
    expect(redactError(error)).toBe('14 UNAVAILABLE: unable to verify the first certificate');
  });

  it('should describe what is not an error', () => {
    expect(redactError('plain text')).toBe('plain text');
    expect(redactError({ reason: 'x' })).toBe('{"reason":"x"}');
  });
});
