import { readFile } from 'node:fs/promises';
// The parsing helpers of the maintained detector. Its public entry exports only a detector
// bound to /proc/self/*, so they are imported by path; the catalog pins the exact version
// (0.8.14), and test/container-detector.test.ts exercises them against fixture files.
import {
  CONTAINER_ID_LENGTH,
  extractContainerIdFromLine,
  HOSTNAME,
  MARKING_PREFIX,
} from '@opentelemetry/resource-detector-container/build/src/detectors/utils.js';
import { logger } from './diag.js';

/** Where the container id is read from. */
export interface ContainerIdSources {
  cgroupPath: string;
  mountinfoPath: string;
}

/**
 * Reads the container id: first from the cgroup v1 file (`/proc/self/cgroup`), whose lines end
 * in the id under Docker, containerd and CRI-O; then, when that yields nothing (cgroup v2 hosts
 * show only `0::/`), from the mount of `/etc/hostname` in `/proc/self/mountinfo`, whose source
 * path contains `/containers/<64-hex id>/`. Resolves undefined when neither names a container
 * or a file cannot be read; never rejects.
 */
export async function readContainerId(sources: ContainerIdSources): Promise<string | undefined> {
  const fromCgroup = await readFirst(sources.cgroupPath, containerIdFromCgroup);
  if (fromCgroup) return fromCgroup;
  return readFirst(sources.mountinfoPath, containerIdFromMountinfo);
}

/** Container id from the content of a cgroup v1 file, as the upstream detector parses it. */
export function containerIdFromCgroup(content: string): string | undefined {
  for (const line of content.trim().split('\n')) {
    const id = extractContainerIdFromLine(line);
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

async function readFirst(
  path: string,
  parse: (content: string) => string | undefined,
): Promise<string | undefined> {
  try {
    return parse(await readFile(path, 'utf8'));
  } catch (error) {
    logger.debug(`container id not read from ${path}: ${(error as Error).message}`);
    return undefined;
  }
}
