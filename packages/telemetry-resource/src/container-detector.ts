import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import type { ResourceDetector } from '@opentelemetry/resources';
import { ATTR_CONTAINER_ID } from '@opentelemetry/semantic-conventions';
import { readContainerId } from './internal/container-id.js';
import type { ContainerDetectorOptions } from './types.js';

const DEFAULT_CGROUP_PATH = '/proc/self/cgroup';
const DEFAULT_MOUNTINFO_PATH = '/proc/self/mountinfo';

/**
 * A resource detector for `container.id`, read from cgroup v1 (`/proc/self/cgroup`) or, on
 * cgroup v2 hosts, from `/proc/self/mountinfo`, parsed as
 * `@opentelemetry/resource-detector-container` parses them. Unlike that package's
 * `containerDetector`, the files it reads are options, so it can be pointed at other mounts or
 * fixtures.
 *
 * The files are read synchronously when `detect()` runs (procfs answers from memory; a read
 * through the thread pool would cost a cold start more than the read). Outside a container, or
 * when neither file can be read, the attribute is absent.
 *
 * @example
 * ```ts
 * const resource = detectResources({ detectors: [createContainerDetector()] });
 * ```
 */
export function createContainerDetector(options: ContainerDetectorOptions = {}): ResourceDetector {
  const sources = {
    cgroupPath: options.cgroupPath ?? DEFAULT_CGROUP_PATH,
    mountinfoPath: options.mountinfoPath ?? DEFAULT_MOUNTINFO_PATH,
  };
  return {
    detect() {
      // Reading files must not produce spans if `fs` is instrumented.
      const id = context.with(suppressTracing(context.active()), () => readContainerId(sources));
      return { attributes: { [ATTR_CONTAINER_ID]: id } };
    },
  };
}
