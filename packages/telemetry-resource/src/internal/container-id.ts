import { readFileSync } from 'node:fs';
import { logger } from './diag.js';

// The formats are those `@opentelemetry/resource-detector-container` 0.8.14 parses; its public
// entry exports only a detector bound to /proc/self/*, and its helpers are not public, so the
// few lines are written here (test/container-detector.test.ts holds the fixtures of each).
const CONTAINER_ID_LENGTH = 64;
const HOSTNAME = 'hostname';
const MARKING_PREFIX = ['containers', 'overlay-containers'];
/** Runtime prefixes of the last cgroup path segment: CRI-O, Docker (systemd driver), containerd. */
const RUNTIME_PREFIXES = ['crio-', 'docker-', 'cri-containerd-'];
const HEX = /^[a-f0-9]+$/i;

/**
 * The container id a cgroup v1 line ends in: its last path segment, after a `:` (containerd
 * 1.5+ with the systemd driver), without a runtime prefix and a `.scope`-like suffix, if hex.
 */
function containerIdFromCgroupLine(line: string): string | undefined {
  const sections = line.split('/');
  if (sections.length <= 1) return undefined;
  let last = sections[sections.length - 1] ?? '';
  last = last.slice(last.lastIndexOf(':') + 1);
  const prefix = RUNTIME_PREFIXES.find((p) => last.startsWith(p));
  if (prefix) last = last.slice(prefix.length);
  last = last.split('.')[0] ?? '';
  return HEX.test(last) ? last : undefined;
}

/** Where the container id is read from. */
export interface ContainerIdSources {
  cgroupPath: string;
  mountinfoPath: string;
}

/**
 * Reads the container id: first from the cgroup v1 file (`/proc/self/cgroup`), whose lines end
 * in the id under Docker, containerd and CRI-O; then, when that yields nothing (cgroup v2 hosts
 * show only `0::/`), from the mount of `/etc/hostname` in `/proc/self/mountinfo`, whose source
 * path contains `/containers/<64-hex id>/`. Undefined when neither names a container or a file
 * cannot be read; never throws. The files are read synchronously: they are small files of
 * procfs, which answers from memory, and a read through the thread pool costs a cold start more
 * round trips than the read itself.
 */
export function readContainerId(sources: ContainerIdSources): string | undefined {
  const fromCgroup = readFirst(sources.cgroupPath, containerIdFromCgroup);
  if (fromCgroup) return fromCgroup;
  return readFirst(sources.mountinfoPath, containerIdFromMountinfo);
}

/** Container id from the content of a cgroup v1 file, as the upstream detector parses it. */
export function containerIdFromCgroup(content: string): string | undefined {
  for (const line of content.trim().split('\n')) {
    const id = containerIdFromCgroupLine(line);
    if (id) return id;
  }
  return undefined;
}

/**
 * Container id from the content of `/proc/self/mountinfo` (cgroup v2), as the upstream
 * detector's `_getContainerIdV2` parses it: the first line mentioning `hostname`, and in it the
 * path segment after `containers` or `overlay-containers` that is 64 characters long.
 */
export function containerIdFromMountinfo(content: string): string | undefined {
  const line = content
    .trim()
    .split('\n')
    .find((candidate) => candidate.includes(HOSTNAME));
  if (!line) return undefined;
  const segments = line.split('/');
  for (let i = 0; i < segments.length - 1; i++) {
    const next = segments[i + 1];
    if (MARKING_PREFIX.includes(segments[i] ?? '') && next?.length === CONTAINER_ID_LENGTH) {
      return next;
    }
  }
  return undefined;
}

function readFirst(
  path: string,
  parse: (content: string) => string | undefined,
): string | undefined {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    logger.debug(`container id not read from ${path}: ${(error as Error).message}`);
    return undefined;
  }
}
