import {
  type BlackHole,
  freePort,
  type OtlpReceiver,
  startBlackHole,
  startOtlpReceiver,
} from '@proc/telemetry-testing';
import { sniffPort, tcpConnect } from '../../src/internal/sniff-port.js';
import { holdPort, startGrpcTlsCollector, startHttpsCollector } from '../helpers/servers.js';

describe('sniffPort', () => {
  let receiver: OtlpReceiver;
  let hole: BlackHole;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    hole = await startBlackHole();
  });

  afterAll(async () => {
    await receiver.stop();
    await hole.close();
  });

  it('should hear HTTP/1.1 on an OTLP/HTTP port', async () => {
    await expect(sniffPort('127.0.0.1', receiver.httpPort, 1000)).resolves.toBe('http1');
  });

  it('should hear HTTP/2 frames on a gRPC port', async () => {
    await expect(sniffPort('127.0.0.1', receiver.grpcPort, 1000)).resolves.toBe('http2');
  });

  it('should hear TLS on HTTPS and on gRPC over TLS', async () => {
    const https = await startHttpsCollector();
    const grpc = await startGrpcTlsCollector();
    try {
      await expect(sniffPort('127.0.0.1', https.port, 1000)).resolves.toBe('tls');
      await expect(sniffPort('127.0.0.1', grpc.port, 1000)).resolves.toBe('tls');
    } finally {
      await https.close();
      await grpc.close();
    }
  });

  it('should call a server that hangs up at once closed', async () => {
    const holder = await holdPort();
    try {
      await expect(sniffPort('127.0.0.1', holder.port, 1000)).resolves.toBe('closed');
    } finally {
      await holder.close();
    }
  });

  it('should call a port that never answers silent', async () => {
    await expect(sniffPort('127.0.0.1', hole.port, 200)).resolves.toBe('silent');
  });
});

describe('tcpConnect', () => {
  it('should connect to a listening port', async () => {
    const holder = await holdPort();
    try {
      await expect(tcpConnect('127.0.0.1', holder.port, 1000)).resolves.toEqual({
        status: 'connected',
      });
    } finally {
      await holder.close();
    }
  });

  it('should report a refused port with its code', async () => {
    const port = await freePort();
    await expect(tcpConnect('127.0.0.1', port, 1000)).resolves.toMatchObject({
      status: 'failed',
      code: 'ECONNREFUSED',
    });
  });
});
