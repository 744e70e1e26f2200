import { endpointAddress } from '../../src/internal/endpoint-address.js';

describe('endpointAddress', () => {
  it('should take host, port, TLS and path from a URL', () => {
    expect(endpointAddress('https://collector:4318/v1/traces', false)).toEqual({
      host: 'collector',
      port: 4318,
      secure: true,
      path: '/v1/traces',
    });
  });

  it("should default the port to the scheme's", () => {
    expect(endpointAddress('http://collector', false)?.port).toBe(80);
    expect(endpointAddress('https://collector', false)?.port).toBe(443);
  });

  it('should read a gRPC host:port as TLS unless insecure', () => {
    expect(endpointAddress('collector:4317', false)?.secure).toBe(true);
    expect(endpointAddress('collector:4317', true)?.secure).toBe(false);
  });

  it('should drop the brackets of an IPv6 literal', () => {
    expect(endpointAddress('http://[::1]:4318', false)?.host).toBe('::1');
  });

  it('should give undefined for what is no endpoint', () => {
    expect(endpointAddress('http://', false)).toBeUndefined();
  });
});
