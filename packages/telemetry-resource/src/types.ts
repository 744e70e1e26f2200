import type {
  AttributeValue,
  ResourceConfig,
  ResourceDetectorName,
  ServiceConfig,
} from '@proc/telemetry-config';

// The config sections this package consumes, as `@proc/telemetry-config` defines them. Used
// throughout the package; not re-exported from the entry point (import them from there).
export type { AttributeValue, ResourceConfig, ResourceDetectorName, ServiceConfig };

/** Files the container detector reads. Tests and unusual mounts point them elsewhere. */
export interface ContainerDetectorOptions {
  /**
   * cgroup v1 membership file; each line ends in the container id under Docker, containerd or
   * CRI-O. Default `/proc/self/cgroup`.
   */
  cgroupPath?: string;
  /**
   * Mount table, read when the cgroup file names no container (cgroup v2): the id is taken
   * from the source of the `/etc/hostname` mount. Default `/proc/self/mountinfo`.
   */
  mountinfoPath?: string;
}

/** Options for {@link detectResource}. */
export interface DetectResourceOptions {
  /**
   * Detectors to run, in order (a later one wins a conflicting key). Config:
   * `resource.detectors`. Default: `['env', 'host', 'os', 'process', 'container']`.
   * - `process`: `process.pid`, `process.executable.name`/`.path`, `process.command`,
   *   `process.command_args`, `process.owner`, `process.runtime.name`/`.version`/`.description`.
   * - `host`: `host.name`, `host.arch`, `host.id` (machine id, where the OS exposes one).
   * - `os`: `os.type`, `os.version`.
   * - `container`: `container.id`, from cgroup v1 or v2 files (see {@link ContainerDetectorOptions}).
   * - `env`: detects nothing here. `@proc/telemetry-config` has already folded
   *   `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME` into the config sections, which always
   *   apply; the name is accepted so detector lists written for the SDK keep working.
   * - `serviceinstance`: detects nothing here either: the `service` section always holds
   *   `service.instance.id` (a random UUID per process unless configured), which is what the
   *   SDK's detector would add.
   */
  detectors?: readonly ResourceDetectorName[];
  /**
   * How long to wait for asynchronous attributes (`host.id` outside Linux, where the SDK runs a
   * command to learn it; those of detectors passed in code). Attributes still pending then are
   * left out, with a `diag` warning. Default 1000; a value that is not a
   * finite number > 0 warns and uses the default.
   */
  timeoutMillis?: number;
  /** Where the `container` detector reads from. Default: the current process's `/proc` files. */
  container?: ContainerDetectorOptions;
}

/** Options for a {@link ResourceBuilder} and for {@link createResource}. */
export interface ResourceBuilderOptions {
  /**
   * How long `build()` waits for asynchronous detected attributes (`host.id` outside Linux)
   * before leaving them out with a `diag` warning. Default 1000; a value that
   * is not a finite number > 0 warns and uses the default.
   */
  detectionTimeoutMillis?: number;
  /** Where the `container` detector reads from. Default: the current process's `/proc` files. */
  container?: ContainerDetectorOptions;
}

/** Identity of one stream-processor worker, set as `processor.*` resource attributes. */
export interface ProcessorOptions {
  /** `processor.name`: the processor's logical name, e.g. `order-enricher`. Required. */
  name: string;
  /** `processor.pipeline.id`: the pipeline it runs in. Default: not set. */
  pipelineId?: string;
  /** `processor.pipeline.stage`: the stage of the pipeline it implements. Default: not set. */
  pipelineStage?: string;
  /** `processor.worker.id`: this worker among the processor's replicas. Default: not set. */
  workerId?: string;
  /**
   * `processor.partitions`: input partitions assigned at start-up, as non-negative integers.
   * A resource is fixed for the provider's life, so record rebalances on spans or metrics
   * instead. Default: not set.
   */
  partitions?: readonly number[];
}

/** Options for {@link createProcessorResource}. */
export interface ProcessorResourceOptions extends ResourceBuilderOptions {
  /** The processor's identity, set as `processor.*` attributes (code precedence). */
  processor: ProcessorOptions;
  /** The `service` config section. Default: none (`service.name` falls back to the SDK default). */
  service?: ServiceConfig;
  /**
   * The `resource` config section: extra attributes and detectors. Default: no extra
   * attributes, all detectors.
   */
  resource?: ResourceConfig;
  /**
   * More attributes set in code. They beat config and detected values; the `processor`
   * fields beat these. Default `{}`.
   */
  attributes?: Readonly<Record<string, AttributeValue>>;
}
