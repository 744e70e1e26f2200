import { containerDetector } from '@opentelemetry/resource-detector-container';
import { ATTR_CONTAINER_ID } from '@opentelemetry/semantic-conventions';
import { createContainerDetector } from '../src/container-detector.js';
import type { ContainerDetectorOptions } from '../src/types.js';
import { FIXTURE_IDS, fixture } from './helpers/fixtures.js';

async function detectContainerId(options?: ContainerDetectorOptions): Promise<unknown> {
  return createContainerDetector(options).detect().attributes?.[ATTR_CONTAINER_ID];
}

describe('createContainerDetector', () => {
  describe('detect', () => {
    it('should read a Docker container id from a cgroup v1 file', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('cgroup-v1-docker'),
        mountinfoPath: fixture('mountinfo-v2-host'),
      });
      expect(id).toBe(FIXTURE_IDS.dockerV1);
    });

    it('should read a CRI-O container id from a Kubernetes cgroup v1 file', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('cgroup-v1-kubepods-crio'),
        mountinfoPath: fixture('mountinfo-v2-host'),
      });
      expect(id).toBe(FIXTURE_IDS.crioV1);
    });

    it('should read a Docker container id from mountinfo on cgroup v2', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('cgroup-v2-container'),
        mountinfoPath: fixture('mountinfo-v2-docker'),
      });
      expect(id).toBe(FIXTURE_IDS.dockerV2);
    });

    it('should read a Podman container id from overlay-containers in mountinfo', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('cgroup-v2-container'),
        mountinfoPath: fixture('mountinfo-v2-podman'),
      });
      expect(id).toBe(FIXTURE_IDS.podmanV2);
    });

    it('should prefer the cgroup v1 id when both files name a container', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('cgroup-v1-docker'),
        mountinfoPath: fixture('mountinfo-v2-docker'),
      });
      expect(id).toBe(FIXTURE_IDS.dockerV1);
    });

    it('should detect no container id outside a container', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('cgroup-v2-host'),
        mountinfoPath: fixture('mountinfo-v2-host'),
      });
      expect(id).toBeUndefined();
    });

    it('should detect no container id when the files do not exist', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('no-such-cgroup'),
        mountinfoPath: fixture('no-such-mountinfo'),
      });
      expect(id).toBeUndefined();
    });

    it('should still read mountinfo when the cgroup file is missing', async () => {
      const id = await detectContainerId({
        cgroupPath: fixture('no-such-cgroup'),
        mountinfoPath: fixture('mountinfo-v2-docker'),
      });
      expect(id).toBe(FIXTURE_IDS.dockerV2);
    });

    it('should give the id itself, not a promise, so a resource is settled without waiting', () => {
      const id = createContainerDetector({
        cgroupPath: fixture('cgroup-v1-docker'),
        mountinfoPath: fixture('mountinfo-v2-host'),
      }).detect().attributes?.[ATTR_CONTAINER_ID];
      expect(id).toBe(FIXTURE_IDS.dockerV1);
    });

    it('should agree with the upstream containerDetector on this machine', async () => {
      const upstream = await containerDetector.detect().attributes?.[ATTR_CONTAINER_ID];
      expect(await detectContainerId()).toBe(upstream);
    });
  });
});
