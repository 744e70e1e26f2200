import { classifyFailure, type FailureContext } from '../../src/internal/classify-failure.js';
import type { PortAnswer } from '../../src/internal/sniff-port.js';

// The failures a real server in the wire tests cannot produce on loopback (no route to a host).
function context(protocol: FailureContext['protocol'], answer: PortAnswer): FailureContext {
  return {
    protocol,
    signal: 'traces',
    address: { host: '10.0.0.1', port: 4318, secure: false, path: '/v1/traces' },
    hasHeaders: false,
    sniff: () => Promise.resolve(answer),
  };
}

const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('classifyFailure', () => {
  it.each(['EHOSTUNREACH', 'ENETUNREACH'])(
    'should call %s an unreachable host over HTTP',
    async (code) => {
      await expect(
        classifyFailure(
          nodeError(code, `connect ${code} 10.0.0.1:4318`),
          context('http/protobuf', 'other'),
        ),
      ).resolves.toBe('host_unreachable');
    },
  );

  it('should call a gRPC EHOSTUNREACH an unreachable host', async () => {
    const error = Object.assign(
      new Error(
        '14 UNAVAILABLE: No connection established. Last error: Error: connect EHOSTUNREACH 10.0.0.1:4317.',
      ),
      { code: 14 },
    );
    await expect(classifyFailure(error, context('grpc', 'other'))).resolves.toBe(
      'host_unreachable',
    );
  });

  it('should fall back to rejected when neither the error nor the port tell', async () => {
    await expect(
      classifyFailure(
        nodeError('ECONNRESET', 'socket hang up'),
        context('http/protobuf', 'closed'),
      ),
    ).resolves.toBe('rejected');
  });
});
