#!/usr/bin/env node
// Fails when the production dependency tree of the workspace packages holds more than one
// version of any @opentelemetry/* package: two copies of the API or SDK core silently turn
// telemetry into no-ops.
import { execFileSync } from 'node:child_process';

const out = execFileSync('pnpm', ['ls', '-r', '--prod', '--depth', 'Infinity', '--json'], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
const projects = JSON.parse(out);
/** @type {Map<string, Map<string, Set<string>>>} name -> version -> dependants */
const seen = new Map();

function walk(deps, via) {
  for (const [alias, dep] of Object.entries(deps ?? {})) {
    const name = dep.from ?? alias;
    if (name.startsWith('@opentelemetry/') && dep.version && !dep.version.startsWith('link:')) {
      const versions = seen.get(name) ?? new Map();
      const dependants = versions.get(dep.version) ?? new Set();
      dependants.add(via);
      versions.set(dep.version, dependants);
      seen.set(name, versions);
    }
    walk(dep.dependencies, `${via} > ${alias}`);
  }
}

for (const project of projects) {
  walk(project.dependencies, project.name);
  walk(project.peerDependencies, project.name);
}

let failed = false;
for (const [name, versions] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
  if (versions.size > 1) {
    failed = true;
    console.error(`${name}: ${versions.size} versions in the production tree`);
    for (const [version, dependants] of versions) {
      console.error(`  ${version} via ${[...dependants].slice(0, 3).join('; ')}`);
    }
  }
}
if (failed) {
  console.error(
    'Pin the OpenTelemetry set in the "otel" catalog and overrides of pnpm-workspace.yaml.',
  );
  process.exit(1);
}
console.log(`OpenTelemetry packages: ${seen.size}, one version each.`);
