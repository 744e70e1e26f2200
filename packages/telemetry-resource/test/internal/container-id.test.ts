import {
  containerIdFromCgroup,
  containerIdFromMountinfo,
} from '../../src/internal/container-id.js';

const ID = 'ab'.repeat(32);

describe('containerIdFromCgroup', () => {
  describe('containerIdFromCgroup', () => {
    it.each([
      ['Docker, cgroupfs driver', `4:memory:/docker/${ID}`],
      ['Docker, systemd driver', `1:name=systemd:/system.slice/docker-${ID}.scope`],
      [
        'containerd, systemd driver',
        `0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-${ID}.scope`,
      ],
      [
        'containerd 1.5+, colon form',
        `0::/system.slice/containerd.service/kubepods-pod1.slice:cri-containerd:${ID}`,
      ],
      ['CRI-O', `0::/kubepods.slice/crio-${ID}.scope`],
    ])('should find the id in a %s line', (_, line) => {
      expect(containerIdFromCgroup(`12:pids:/\n${line}\n0::/`)).toBe(ID);
    });

    it('should find nothing in a host cgroup v2 file', () => {
      expect(containerIdFromCgroup('0::/\n')).toBeUndefined();
      expect(
        containerIdFromCgroup('0::/user.slice/user-1000.slice/session-2.scope\n'),
      ).toBeUndefined();
    });
  });
});

describe('containerIdFromMountinfo', () => {
  describe('containerIdFromMountinfo', () => {
    it('should find the id in the hostname mount', () => {
      const line = `1154 1143 254:1 /var/lib/docker/containers/${ID}/hostname /etc/hostname rw - ext4 /dev/vda1 rw`;
      expect(containerIdFromMountinfo(`22 1 259:2 / / rw - ext4 /dev/sda rw\n${line}\n`)).toBe(ID);
    });

    it('should ignore a containers segment that is not 64 characters long', () => {
      const line =
        '1154 1143 254:1 /docker/containers/abc123/hostname /etc/hostname rw - ext4 /dev/vda1 rw';
      expect(containerIdFromMountinfo(line)).toBeUndefined();
    });

    it('should find nothing without a hostname mount', () => {
      expect(containerIdFromMountinfo('22 1 259:2 / / rw - ext4 /dev/sda rw\n')).toBeUndefined();
    });
  });
});
