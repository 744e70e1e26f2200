/** An optional peer dependency that a configuration value needs, for {@link missingPeerMessage}. */
export interface OptionalPeer {
  /** The package to install, e.g. `@opentelemetry/exporter-prometheus`. */
  readonly name: string;
  /**
   * The range its `peerDependencies` entry accepts, e.g. `^0.223.0`, for the install command;
   * left out for a `@proc/*` package, which installs at the version beside it.
   */
  readonly range?: string;
  /** The configuration that needs it, e.g. `metrics.exporter includes "prometheus"`. */
  readonly neededFor: string;
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/**
 * Requires an optional peer dependency the first time a configuration needs it, through the
 * loading package's own `require` (`createRequire(__filename)`, so pnpm's isolated layout
 * resolves it where the package's peers are linked). The packages a configuration may leave out
 * (the Prometheus exporter, the B3 and Jaeger propagators, the instrumentations) are optional
 * peers: they pin their own `@opentelemetry/*` dependencies exactly, so as regular dependencies
 * they would put a second SDK line beside a user's own `@opentelemetry/*@^2` packages even when
 * unused. The caller throws, with its own package name and {@link missingPeerMessage}, when
 * this returns `undefined`.
 * @param requireFrom the loading package's `require`.
 * @returns the module, or `undefined` when the package is not installed; any other failure of
 * loading it is thrown as is.
 */
export function requireOptionalPeer<T>(requireFrom: NodeJS.Require, name: string): T | undefined {
  try {
    requireFrom.resolve(name);
  } catch (error) {
    if (isModuleNotFound(error)) return undefined;
    throw error;
  }
  return requireFrom(name) as T;
}

/**
 * What a start-up error says after the package name when `peer` is not installed: the
 * configuration that needs it, the package and the command that installs it.
 */
export function missingPeerMessage(peer: OptionalPeer): string {
  const spec = peer.range === undefined ? peer.name : `${peer.name}@${peer.range}`;
  return `${peer.neededFor}, which needs the optional peer dependency ${peer.name}; install it: npm install ${spec}`;
}
