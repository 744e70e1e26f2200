// One run of instrumentations.bench.mjs, started with `--import @proc/telemetry/register` and
// OTEL_NODE_ENABLED_INSTRUMENTATIONS naming the instrumentation under test (or nothing): runs
// the workload that instrumentation observes OPS times and prints one JSON line with µs per op.
import http from 'node:http';
import { setImmediate as turn } from 'node:timers/promises';

const [workload, ops] = [process.argv[2], Number(process.argv[3])];

async function withServer(run) {
  const server = http.createServer((_request, response) => response.end('ok'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/orders`;
  try {
    return await run(url);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = (url) =>
  new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => response.resume().on('end', resolve))
      .on('error', reject);
  });

const WORKLOADS = {
  // node:http client and server in one process: one request = a client and a server span.
  http: () => withServer(async (url) => time(() => get(url))),
  // fetch() over Node's bundled undici to a node:http server.
  undici: () => withServer(async (url) => time(async () => (await fetch(url)).text())),
  // The event loop itself: what the runtime metrics' monitors cost per turn.
  'runtime-node': () => time(() => turn()),
};

async function time(op) {
  for (let i = 0; i < Math.min(200, ops); i++) await op(); // warm up
  const start = performance.now();
  for (let i = 0; i < ops; i++) await op();
  return ((performance.now() - start) * 1000) / ops;
}

const usPerOp = await WORKLOADS[workload]();
agent.destroy();
process.stdout.write(`${JSON.stringify({ usPerOp })}\n`);
