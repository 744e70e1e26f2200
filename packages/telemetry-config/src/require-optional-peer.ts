/** An optional peer dependency that a configuration value needs, for {@link requireOptionalPeer}. */
export interface OptionalPeer {
  /** The `@proc/*` package that loads it, which starts the error message. */
  readonly loadedBy: string;
  /** The package to install, e.g. `@opentelemetry/exporter-prometheus`. */
  readonly name: string;
  /**
   * The range its `peerDependencies` entry accepts, e.g. `^0.223.0`, for the install command;
   * left out for a `@proc/*` package, which installs at the version beside it.
   */
  readonly range?: string;
  /** The configuration that needs it, e.g. `metrics.exporters includes "prometheus"`. */
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
 * unused.
 * @param requireFrom the loading package's `require`.
 * @throws Error, starting with `peer.loadedBy`, naming the configuration, the package and the
 * install command, when the package is not installed; any other failure of loading it as is.
 */
export function requireOptionalPeer<T>(requireFrom: NodeJS.Require, peer: OptionalPeer): T {
  try {
    requireFrom.resolve(peer.name);
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
    throw new Error(
      `${peer.loadedBy}: ${peer.neededFor}, which needs the optional peer dependency ${peer.name}; install it: npm install ${peer.name}${peer.range === undefined ? '' : `@${peer.range}`}`,
      { cause: error },
    );
  }
  return requireFrom(peer.name) as T;
}
