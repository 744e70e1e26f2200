#!/usr/bin/env node
// `pnpm stack up|down|status`: the infra/ stack as native processes (see infra/README.md).
import { Command } from 'commander';
import { describePorts } from './describe-ports.js';
import { readPortOffset } from './ports.js';
import { createStack, readRunningPorts } from './stack.js';
import { StackError } from './stack-error.js';

const write = (line: string) => process.stdout.write(`${line}\n`);

function stackFromEnv() {
  return createStack({ portOffset: readPortOffset(), log: (line) => write(`stack: ${line}`) });
}

const program = new Command()
  .name('stack')
  .description(
    'The local observability stack of infra/ as native processes: the OpenTelemetry Collector ' +
      'and Jaeger v2 (built from their pinned Go modules on first use, cached in .stack/bin) ' +
      'and Prometheus. Pid files, logs and data are under .stack/.',
  );

program
  .command('up')
  .description('build what is not cached, start collector, Jaeger and Prometheus, wait until ready')
  .action(async () => {
    const started = Date.now();
    const stack = stackFromEnv();
    await stack.up();
    write(
      `stack: up in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${stack.paths.logDir}`,
    );
    write(describePorts(stack.ports));
  });

program
  .command('down')
  .description('stop every service of the stack (SIGTERM, then SIGKILL after 10 s)')
  .action(async () => {
    await stackFromEnv().down();
    write('stack: down');
  });

program
  .command('status')
  .description('show each service; exit code 3 unless all are ready')
  .action(async () => {
    const stack = stackFromEnv();
    const statuses = await stack.status();
    for (const s of statuses)
      write(`${s.name.padEnd(11)} ${s.state.padEnd(19)} ${s.pid ? `pid ${s.pid}` : ''}`.trimEnd());
    const running = readRunningPorts(stack.paths);
    if (running && statuses.some((s) => s.state !== 'stopped')) write(describePorts(running));
    if (statuses.some((s) => s.state !== 'ready')) process.exitCode = 3;
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof StackError) {
    process.stderr.write(`stack: ${error.message}\n`);
  } else {
    process.stderr.write(`stack: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exitCode = 1;
});
