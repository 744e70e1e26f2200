// Incubating resource keys (not in the stable `@opentelemetry/semantic-conventions` entry point),
// copied here as the house style says: a minor release of the incubating set may rename them.

/** `host.name`: the machine's host name. */
export const ATTR_HOST_NAME = 'host.name' as const;

/** `host.arch`: the CPU architecture, in the specification's spelling (`amd64`, `arm64`…). */
export const ATTR_HOST_ARCH = 'host.arch' as const;

/** `host.id`: the machine id (`/etc/machine-id` on Linux). */
export const ATTR_HOST_ID = 'host.id' as const;
