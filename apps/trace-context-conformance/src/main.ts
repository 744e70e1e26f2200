import { Command, InvalidArgumentError } from 'commander';
import { startConformanceServer } from './conformance-server.js';

function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError('an integer >= 1.');
  }
  return number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is an integer from 0 to 65535.');
  }
  return port;
}

const program = new Command()
  .name('conformance-server')
  .description('W3C Trace Context validation service: POST /test with [{ "url", "arguments" }]')
  .option('-p, --port <port>', 'port to listen on (0 picks a free one)', parsePort, 5000)
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option(
    '--max-body-bytes <bytes>',
    'largest POST /test body read; larger ones get 413 (default 1048576)',
    parsePositiveInteger,
  )
  .option(
    '--call-timeout-millis <ms>',
    'deadline of each callback POST, reported as an error when passed (default 3000)',
    parsePositiveInteger,
  )
  .parse();

const { port, host, maxBodyBytes, callTimeoutMillis } = program.opts<{
  port: number;
  host: string;
  maxBodyBytes?: number;
  callTimeoutMillis?: number;
}>();

startConformanceServer({ port, host, maxBodyBytes, callTimeoutMillis }).then(
  (server) => {
    process.stdout.write(`trace-context conformance service on ${server.url}/test\n`);
    const stop = () => {
      server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: Error) => {
    process.stderr.write(`conformance-server: ${error.message}\n`);
    process.exit(1);
  },
);
