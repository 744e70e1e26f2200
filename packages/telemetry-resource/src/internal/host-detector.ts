import { readFileSync } from 'node:fs';
import { arch, hostname } from 'node:os';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { hostDetector, type ResourceDetector } from '@opentelemetry/resources';
import { logger } from './diag.js';
import { ATTR_HOST_ARCH, ATTR_HOST_ID, ATTR_HOST_NAME } from './semconv.js';

/** Where the SDK's Linux `getMachineId()` looks, in its order. */
const LINUX_MACHINE_ID_PATHS = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/** Node's `os.arch()` in the specification's spelling, as the SDK's `hostDetector` maps it. */
function semconvArch(nodeArch: string): string {
  switch (nodeArch) {
    case 'arm':
      return 'arm32';
    case 'ppc':
      return 'ppc32';
    case 'x64':
      return 'amd64';
    default:
      return nodeArch;
  }
}

/** The first machine-id file's content, trimmed, as the SDK's Linux `getMachineId()` reads it. */
function readLinuxMachineId(): string | undefined {
  for (const path of LINUX_MACHINE_ID_PATHS) {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch (error) {
      logger.debug(`machine id not read from ${path}: ${(error as Error).message}`);
    }
  }
  return undefined;
}

/**
 * The `host` detector. On Linux it gives the SDK `hostDetector`'s attributes (`host.name`,
 * `host.arch`, `host.id`) with `host.id` read synchronously from the same files: the SDK loads
 * its reader through a dynamic `import()` (which starts Node's ESM loader, a few milliseconds of
 * a cold start) and reads the file through the thread pool, while a machine-id file is 33 bytes
 * that the page cache holds. Elsewhere (macOS, Windows and the BSDs run a command to learn the
 * id) it is the SDK's `hostDetector` itself.
 */
export function createHostDetector(platform: NodeJS.Platform = process.platform): ResourceDetector {
  if (platform !== 'linux') return hostDetector;
  return {
    detect() {
      // Reading files must not produce spans if `fs` is instrumented.
      const id = context.with(suppressTracing(context.active()), readLinuxMachineId);
      return {
        attributes: {
          [ATTR_HOST_NAME]: hostname(),
          [ATTR_HOST_ARCH]: semconvArch(arch()),
          [ATTR_HOST_ID]: id,
        },
      };
    },
  };
}
