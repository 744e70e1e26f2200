import { parseOtlpEndpoint } from '../src/parse-otlp-endpoint.js';

describe('parseOtlpEndpoint', () => {
  describe('parseOtlpEndpoint()', () => {
    it('should take host, port, TLS and path from a URL', () => {
      expect(parseOtlpEndpoint('https://collector:4318/v1/traces')).toEqual({
        url: 'https://collector:4318/v1/traces',
        hasScheme: true,
        secure: true,
        host: 'collector',
        port: 4318,
        authority: 'collector:4318',
        path: '/v1/traces',
      });
    });

    it("should default the port to the scheme's", () => {
      expect(parseOtlpEndpoint('http://collector')?.port).toBe(80);
      expect(parseOtlpEndpoint('https://collector')?.port).toBe(443);
      expect(parseOtlpEndpoint('https://collector')?.authority).toBe('collector:443');
    });

    it('should let the scheme decide TLS, whatever insecure says', () => {
      expect(parseOtlpEndpoint('http://c:4317', false)?.secure).toBe(false);
      expect(parseOtlpEndpoint('HTTPS://c:4317', true)?.secure).toBe(true);
    });

    it('should read a gRPC host:port as TLS unless insecure', () => {
      expect(parseOtlpEndpoint('collector:4317', false)).toMatchObject({
        url: 'https://collector:4317',
        hasScheme: false,
        secure: true,
      });
      expect(parseOtlpEndpoint('collector:4317', true)).toMatchObject({
        url: 'http://collector:4317',
        secure: false,
        authority: 'collector:4317',
      });
    });

    it('should drop the brackets of an IPv6 literal from the host, not from the authority', () => {
      expect(parseOtlpEndpoint('http://[::1]:4318')).toMatchObject({
        host: '::1',
        authority: '[::1]:4318',
      });
      expect(parseOtlpEndpoint('[::1]:4317', true)?.host).toBe('::1');
    });

    it.each(['http://', 'collector', 'unix:///run/collector.sock', ' http://c:4318', 'ftp://c:21'])(
      'should give undefined for %j, which is no OTLP endpoint',
      (endpoint) => {
        expect(parseOtlpEndpoint(endpoint)).toBeUndefined();
      },
    );
  });
});
