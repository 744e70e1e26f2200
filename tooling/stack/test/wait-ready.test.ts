import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPortInUse } from '../src/port-in-use.js';
import { waitReady } from '../src/wait-ready.js';

describe('waitReady', () => {
  let server: Server;
  let url: string;
  let requests = 0;

  beforeEach(async () => {
    requests = 0;
    // Not ready for its first three requests, then ready: as a service that is starting.
    server = createServer((req, res) => {
      requests++;
      res.statusCode = req.url !== '/' ? 404 : requests > 3 ? 200 : 503;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('should poll until the URL answers 200', async () => {
    const outcome = await waitReady([url], {
      timeoutMillis: 10_000,
      intervalMillis: 10,
      isRunning: () => true,
    });
    expect(outcome).toBe('ready');
    expect(requests).toBe(4);
  });

  it('should stop polling as soon as the process has exited', async () => {
    const outcome = await waitReady([url], { timeoutMillis: 10_000, isRunning: () => false });
    expect([outcome, requests]).toEqual(['exited', 0]);
  });

  it('should give up at the deadline when the URL never answers 200', async () => {
    // /never answers 404: a server that is up but never ready.
    const outcome = await waitReady([`${url}never`], {
      timeoutMillis: 50,
      intervalMillis: 10,
      isRunning: () => true,
    });
    expect(outcome).toBe('timeout');
  });
});

describe('isPortInUse', () => {
  it('should tell a taken port from a free one', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await isPortInUse(port)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await isPortInUse(port)).toBe(false);
  });
});
