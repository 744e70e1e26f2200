/*
 * Incubating semantic-convention names, copied from
 * `@opentelemetry/semantic-conventions/incubating` 1.45.0 as otel-js
 * `packages/sdk-metrics/src/semconv.ts` does: incubating names may be renamed in a minor
 * release, so a copy keeps this package's attribute names fixed until we choose to move.
 *
 * Names that are stable in 1.45.0 (`service.*`, `deployment.environment.name`, `container.id`,
 * `telemetry.sdk.*`) are imported from the package's main entry instead.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/resource/
 */

/** Name of the host (`os.hostname()`). */
export const ATTR_HOST_NAME = 'host.name' as const;
/** CPU architecture of the host, e.g. `amd64`, `arm64`. */
export const ATTR_HOST_ARCH = 'host.arch' as const;
/** Unique host id: `/etc/machine-id` on Linux, `IOPlatformUUID` on macOS, `MachineGuid` on Windows. */
export const ATTR_HOST_ID = 'host.id' as const;

/** Operating system type, e.g. `linux`, `darwin`, `windows`. */
export const ATTR_OS_TYPE = 'os.type' as const;
/** Operating system (kernel) version (`os.release()`). */
export const ATTR_OS_VERSION = 'os.version' as const;

/** Process id. */
export const ATTR_PROCESS_PID = 'process.pid' as const;
/** Name of the process executable (`process.title`). */
export const ATTR_PROCESS_EXECUTABLE_NAME = 'process.executable.name' as const;
/** Full path to the process executable (`process.execPath`). */
export const ATTR_PROCESS_EXECUTABLE_PATH = 'process.executable.path' as const;
/** The command used to launch the process: the script (`process.argv[1]`). */
export const ATTR_PROCESS_COMMAND = 'process.command' as const;
/** All command arguments, including runtime flags (`process.execArgv`). */
export const ATTR_PROCESS_COMMAND_ARGS = 'process.command_args' as const;
/** The user name owning the process. */
export const ATTR_PROCESS_OWNER = 'process.owner' as const;
/** Runtime name: `nodejs`. */
export const ATTR_PROCESS_RUNTIME_NAME = 'process.runtime.name' as const;
/** Runtime version (`process.versions.node`, without the `v`). */
export const ATTR_PROCESS_RUNTIME_VERSION = 'process.runtime.version' as const;
/** Runtime description: `Node.js`. */
export const ATTR_PROCESS_RUNTIME_DESCRIPTION = 'process.runtime.description' as const;
