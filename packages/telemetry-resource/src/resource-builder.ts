import type { Attributes } from '@opentelemetry/api';
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_NAMESPACE,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { processInstanceId } from '@proc/telemetry-config';
import { detectResource } from './detect-resource.js';
import { ALL_DETECTORS } from './internal/detectors.js';
import { sanitizeAttribute, sanitizeAttributes } from './internal/sanitize-attributes.js';
import { checkTimeout } from './internal/timeout.js';
import type {
  AttributeValue,
  ContainerDetectorOptions,
  ResourceBuilderOptions,
  ResourceConfig,
  ResourceDetectorName,
  ServiceConfig,
} from './types.js';

// The SDK's fallback name (`unknown_service:<argv0>`) and the config package's default
// (`unknown_service:node`) both mean "no name was given".
const UNKNOWN_SERVICE_PREFIX = 'unknown_service';

/**
 * Builds the `Resource` that describes this process: who (service), where (host, OS,
 * container) and what (process, runtime). Setters return the builder; `build()` runs the
 * detectors and returns the merged resource. A builder can be built more than once.
 *
 * Merge order, highest precedence first; a key set in a higher layer replaces the same key
 * from every lower one:
 * 1. **code**: the `with*` setters, in call order (a later call replaces an earlier one).
 * 2. **config**: {@link ResourceBuilder.withConfig} sections, which `@proc/telemetry-config`
 *    has already merged from `OTEL_SERVICE_NAME` / `OTEL_RESOURCE_ATTRIBUTES`, the config file
 *    and its defaults. Within the layer the `service` fields beat `resource.attributes`, as
 *    `OTEL_SERVICE_NAME` beats `service.name` in `OTEL_RESOURCE_ATTRIBUTES`, except that an
 *    `unknown_service…` name (a default) never hides a configured `service.name` attribute.
 * 3. **detected**: the process, host, OS and container detectors.
 * 4. **defaults**: the SDK's `defaultResource()` (`service.name` = `unknown_service:<argv0>`,
 *    `telemetry.sdk.*`) and a `service.instance.id` that is a random UUID generated once per
 *    process, the same for every builder.
 *
 * Invalid attribute values (non-string or empty keys, `null`/`undefined`, objects, mixed or
 * oversized arrays, strings over 4096 characters) are dropped with a `diag.warn` naming the
 * key; the builder never throws for them. This package never reads `process.env`.
 *
 * @example
 * ```ts
 * const resource = await new ResourceBuilder()
 *   .withServiceName('order-enricher')
 *   .withServiceVersion('1.4.0')
 *   .withDeploymentEnvironment('production')
 *   .build();
 * ```
 */
export class ResourceBuilder {
  readonly #timeoutMillis: number;
  readonly #container: ContainerDetectorOptions | undefined;
  #config: Attributes = {};
  #code: Attributes = {};
  #configDetectors: readonly ResourceDetectorName[] | undefined;
  #codeDetectors: readonly ResourceDetectorName[] | undefined;

  /** @throws RangeError when `detectionTimeoutMillis` is negative or not a number. */
  constructor(options: ResourceBuilderOptions = {}) {
    this.#timeoutMillis = checkTimeout('detectionTimeoutMillis', options.detectionTimeoutMillis);
    this.#container = options.container;
  }

  /**
   * Sets the config layer from the resolved config's `service` and `resource` sections
   * (replacing any earlier `withConfig`), and takes the detector list from
   * `resource.detectors` unless {@link ResourceBuilder.withDetectors} is called.
   */
  withConfig(service: ServiceConfig | undefined, resource?: ResourceConfig): this {
    const attributes = sanitizeAttributes(resource?.attributes ?? {}, 'config');
    const fromService: Attributes = {};
    const name = service?.name;
    const isDefaultName =
      typeof name !== 'string' || name === '' || name.startsWith(UNKNOWN_SERVICE_PREFIX);
    if (name !== undefined && !(isDefaultName && ATTR_SERVICE_NAME in attributes)) {
      setChecked(fromService, ATTR_SERVICE_NAME, name, 'config');
    }
    setChecked(fromService, ATTR_SERVICE_VERSION, service?.version, 'config');
    setChecked(fromService, ATTR_SERVICE_NAMESPACE, service?.namespace, 'config');
    setChecked(fromService, ATTR_SERVICE_INSTANCE_ID, service?.instanceId, 'config');
    setChecked(fromService, ATTR_DEPLOYMENT_ENVIRONMENT_NAME, service?.environment, 'config');
    this.#config = { ...attributes, ...fromService };
    this.#configDetectors = resource?.detectors;
    return this;
  }

  /** `service.name`. Config: `service.name`, env `OTEL_SERVICE_NAME`. Default `unknown_service:<argv0>`. */
  withServiceName(name: string): this {
    return this.withAttribute(ATTR_SERVICE_NAME, name);
  }

  /** `service.version`. Config: `service.version`. Default: not set. */
  withServiceVersion(version: string): this {
    return this.withAttribute(ATTR_SERVICE_VERSION, version);
  }

  /** `service.namespace`. Config: `service.namespace`. Default: not set. */
  withServiceNamespace(namespace: string): this {
    return this.withAttribute(ATTR_SERVICE_NAMESPACE, namespace);
  }

  /**
   * `service.instance.id`. Config: `service.instanceId`. Default: a random UUID generated once
   * per process (every builder in the process gets the same one).
   */
  withServiceInstanceId(instanceId: string): this {
    return this.withAttribute(ATTR_SERVICE_INSTANCE_ID, instanceId);
  }

  /** `deployment.environment.name`, e.g. `production`. Config: `service.environment`. Default: not set. */
  withDeploymentEnvironment(environment: string): this {
    return this.withAttribute(ATTR_DEPLOYMENT_ENVIRONMENT_NAME, environment);
  }

  /** One custom attribute (code precedence). An invalid one is dropped with a `diag.warn`. */
  withAttribute(key: string, value: AttributeValue): this {
    setChecked(this.#code, key, value, 'code', true);
    return this;
  }

  /** Several custom attributes (code precedence). Invalid ones are dropped with a `diag.warn`. */
  withAttributes(attributes: Readonly<Record<string, AttributeValue>>): this {
    Object.assign(this.#code, sanitizeAttributes(attributes, 'code'));
    return this;
  }

  /**
   * Which detectors run, replacing the config's `resource.detectors`. `[]` runs none.
   * Default: the config's list, else all of `env`, `host`, `os`, `process`, `container`.
   */
  withDetectors(detectors: readonly ResourceDetectorName[]): this {
    this.#codeDetectors = [...detectors];
    return this;
  }

  /**
   * Runs the detectors, waits (bounded by `detectionTimeoutMillis`) for their asynchronous
   * attributes, and merges defaults < detected < config < code. Every attribute of the
   * returned resource is settled.
   *
   * @throws TypeError for an unknown detector name.
   */
  async build(): Promise<Resource> {
    const detected = await detectResource({
      detectors: this.#codeDetectors ?? this.#configDetectors ?? ALL_DETECTORS,
      timeoutMillis: this.#timeoutMillis,
      ...(this.#container ? { container: this.#container } : {}),
    });
    return defaultResource()
      .merge(resourceFromAttributes({ [ATTR_SERVICE_INSTANCE_ID]: processInstanceId() }))
      .merge(detected)
      .merge(resourceFromAttributes(this.#config))
      .merge(resourceFromAttributes(this.#code));
  }
}

function setChecked(
  target: Attributes,
  key: string,
  value: unknown,
  source: 'code' | 'config',
  required = false,
): void {
  // Optional config fields are simply absent; an explicit setter given undefined is a mistake.
  if (value === undefined && !required) return;
  const checked = sanitizeAttribute(key, value, source);
  if (checked !== undefined) target[key] = checked;
}
