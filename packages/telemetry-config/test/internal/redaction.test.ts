import { isCredentialKey, redactUrl } from '../../src/internal/redaction.js';

describe('redactUrl', () => {
  it.each([
    ['https://user:pw@h:1/p', 'https://[REDACTED]@h:1/p'],
    ['https://token@h', 'https://[REDACTED]@h'],
    ['http://h/p?api_key=1&region=eu', 'http://h/p?api_key=[REDACTED]&region=eu'],
    ['http://h/p?region=eu&access_token=x#f', 'http://h/p?region=eu&access_token=[REDACTED]#f'],
    ['http://h:4318/v1/traces', 'http://h:4318/v1/traces'],
    ['user:pw@not-a-url', 'user:pw@not-a-url'],
  ])('should turn %j into %j', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('isCredentialKey', () => {
  it.each([
    'authorization',
    'Authorization',
    'x-api-key',
    'api_key',
    'apikey',
    'auth.token',
    'password',
    'db.passwd',
    'client-secret',
    'Cookie',
    'set-cookie',
    'session.id',
    'private-key',
  ])('should flag %j', (key) => {
    expect(isCredentialKey(key)).toBe(true);
  });

  it.each(['team', 'region', 'service.name', 'clientKeyFile', 'content-type', 'x-request-id'])(
    'should not flag %j',
    (key) => {
      expect(isCredentialKey(key)).toBe(false);
    },
  );
});
