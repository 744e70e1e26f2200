import { isCredentialKey } from '../../src/internal/credentials.js';

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
