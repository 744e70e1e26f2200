import { redactUrl } from '../src/index.js';

describe('redactUrl', () => {
  describe('well-formed URLs', () => {
    it.each([
      ['https://user:pw@h:1/p', 'https://[REDACTED]@h:1/p'],
      ['https://token@h', 'https://[REDACTED]@h'],
      ['http://h/p?api_key=1&region=eu', 'http://h/p?api_key=[REDACTED]&region=eu'],
      ['http://h/p?region=eu&access_token=x#f', 'http://h/p?region=eu&access_token=[REDACTED]#f'],
      ['http://h/p?key=1&sig=2&code=3', 'http://h/p?key=[REDACTED]&sig=[REDACTED]&code=[REDACTED]'],
      [
        'http://h/p?X-Amz-Credential=a&X-Amz-Signature=b',
        'http://h/p?X-Amz-Credential=[REDACTED]&X-Amz-Signature=[REDACTED]',
      ],
      ['http://h/p?api%5Fkey=1', 'http://h/p?api%5Fkey=[REDACTED]'],
      ['http://h:4318/v1/traces', 'http://h:4318/v1/traces'],
      ['http://h/p?email=a@b.example', 'http://h/p?email=a@b.example'],
      ['https://u:p@h/base/?api_key=k', 'https://[REDACTED]@h/base/?api_key=[REDACTED]'],
    ])('should turn %j into %j', (url, expected) => {
      expect(redactUrl(url)).toBe(expected);
    });
  });

  // Issue 14 D6: malformed endpoints echoed credentials in errors and warnings.
  describe('malformed URLs with credentials', () => {
    it.each([
      ['http:/u:p@h', 'http:/[REDACTED]@h'],
      ['u:p@h:4318', '[REDACTED]@h:4318'],
      ['user:pw@not-a-url', '[REDACTED]@not-a-url'],
      ['http:u:p@h', '[REDACTED]@h'],
      ['http://u:p/a@h', 'http://[REDACTED]@h'],
      ['http:\\\\u:p@h', 'http:\\\\[REDACTED]@h'],
      ['  https://u:p@h  ', '  https://[REDACTED]@h  '],
      ['h:4318/v1?token=t', 'h:4318/v1?token=[REDACTED]'],
      ['ftp://u:p@h', 'ftp://[REDACTED]@h'],
    ])('should turn %j into %j', (url, expected) => {
      expect(redactUrl(url)).toBe(expected);
    });
  });

  it('should leave text without credentials as it is', () => {
    for (const text of ['', 'collector:4318', 'not a url', 'http://[::1]:4318/', 'grpc']) {
      expect(redactUrl(text)).toBe(text);
    }
  });
});
