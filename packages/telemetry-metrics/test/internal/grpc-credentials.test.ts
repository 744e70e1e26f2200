import { grpcCredentials, grpcMetadata } from '../../src/internal/grpc-credentials.js';

// ChannelCredentials has no public "is secure" accessor; grpc-js exposes `_isSecure()`.
const isSecure = (credentials: unknown) => (credentials as { _isSecure(): boolean })._isSecure();

describe('grpc credentials', () => {
  describe('grpcCredentials', () => {
    it.each([
      ['http://collector:4317', false, false],
      ['http://collector:4317', true, false],
      ['https://collector:4317', true, true],
      ['https://collector:4317', false, true],
      ['collector:4317', true, false],
      ['collector:4317', false, true],
    ])('should make %s with insecure=%s secure: %s', (endpoint, insecure, secure) => {
      expect(isSecure(grpcCredentials(endpoint, { insecure }, {}))).toBe(secure);
    });
  });

  describe('grpcMetadata', () => {
    it('should carry every configured header', () => {
      const metadata = grpcMetadata({ authorization: 'Bearer t', 'x-tenant': 'a' });
      expect(metadata.get('authorization')).toEqual(['Bearer t']);
      expect(metadata.get('x-tenant')).toEqual(['a']);
    });
  });
});
