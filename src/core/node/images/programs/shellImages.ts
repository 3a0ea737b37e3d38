/**
 * `busybox` and `alpine`: no program of their own. Whatever argv says runs through the shell
 * (`sh -c "…"`, `sleep 3600`, `echo hi`); the default CMD is a bare `sh`, which exits 0 at once
 * without stdin. Neither has bash: `command: ["bash", …]` fails with "executable file not found".
 */
import type { ImageDefinition } from '../definition.ts';
import { writeFile } from '../definition.ts';
import { releaseLines } from '../tags.ts';

const BUSYBOX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** busyboxImage is docker.io/library/busybox (1.37, ~2 MB). */
export const busyboxImage: ImageDefinition = {
  repository: 'docker.io/library/busybox',
  sizeBytes: 2_160_000,
  variantSizes: { '-glibc': 2_200_000, '-musl': 870_000, '-uclibc': 1_800_000 },
  tags: {
    aliases: { latest: '1.37.0', stable: '1.37.0', unstable: '1.37.0' },
    lines: [...releaseLines(1, 28, 34, 1), { major: 1, minor: 35, maxPatch: 0 }, { major: 1, minor: 36, maxPatch: 1 }, { major: 1, minor: 37, maxPatch: 0 }],
    variants: ['-glibc', '-musl', '-uclibc'],
  },
  config: { entrypoint: [], cmd: ['sh'], workingDir: '/', env: [['PATH', BUSYBOX_PATH]], exposedPorts: [], stopSignal: 'SIGTERM' },
  programs: {},
  shells: ['sh', 'ash'],
  populate(fs) {
    writeFile(fs, '/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n');
    writeFile(fs, '/etc/group', 'root:x:0:\ndaemon:x:1:\nnobody:x:65534:\n');
  },
};

/** alpineImage is docker.io/library/alpine (3.21, ~3.5 MB). */
export const alpineImage: ImageDefinition = {
  repository: 'docker.io/library/alpine',
  sizeBytes: 3_640_000,
  tags: {
    aliases: { latest: '3.21.0', edge: '20240923' },
    lines: [...releaseLines(3, 12, 17, 3), { major: 3, minor: 18, maxPatch: 9 }, { major: 3, minor: 19, maxPatch: 4 }, { major: 3, minor: 20, maxPatch: 3 }, { major: 3, minor: 21, maxPatch: 0 }],
  },
  config: {
    entrypoint: [],
    cmd: ['/bin/sh'],
    workingDir: '/',
    env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']],
    exposedPorts: [],
    stopSignal: 'SIGTERM',
  },
  programs: {},
  shells: ['sh', 'ash'],
  populate(fs, version) {
    writeFile(fs, '/etc/alpine-release', `${version}\n`);
    writeFile(
      fs,
      '/etc/os-release',
      `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${version.split('.').slice(0, 2).join('.')}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
    );
    writeFile(fs, '/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n');
  },
};
