import type { ResourceConfig, ServiceConfig } from '../../src/types.js';
import { fixture } from './fixtures.js';

/** A `service` section as `@proc/telemetry-config` resolves it. */
export function serviceConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return { name: 'unknown_service:node', ...overrides };
}

/** A `resource` section as `@proc/telemetry-config` resolves it. */
export function resourceConfig(overrides: Partial<ResourceConfig> = {}): ResourceConfig {
  return { attributes: {}, detectors: ['env', 'host', 'os', 'process', 'container'], ...overrides };
}

/** Container detector options that detect the Docker v1 fixture id. */
export const DOCKER_V1_FILES = {
  cgroupPath: fixture('cgroup-v1-docker'),
  mountinfoPath: fixture('mountinfo-v2-host'),
};
