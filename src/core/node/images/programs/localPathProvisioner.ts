/**
 * docker.io/rancher/local-path-provisioner: the dynamic provisioner kind and Killercoda
 * clusters run in namespace local-path-storage. Provisioning itself is simulated by the
 * control plane (core/controllers/volume/localpath), which only acts while this container
 * runs; the program logs what the real binary logs at start and stops on SIGTERM.
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';

const logfmtTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const localPathProvisioner: Program = async (ctx) => {
  ctx.setUsage({ memoryBytes: 9 * 1024 * 1024, cpuMilli: 1 });
  const t = logfmtTime(ctx.now());
  ctx.log(`time="${t}" level=debug msg="Applied config: {\\"nodePathMap\\":[{\\"node\\":\\"DEFAULT_PATH_FOR_NON_LISTED_NODES\\",\\"paths\\":[\\"/opt/local-path-provisioner\\"]}]}"`, 'stderr');
  ctx.log(`time="${t}" level=debug msg="Provisioner started"`, 'stderr');
  ctx.onSignal('SIGTERM', () => ctx.exit(0));
  return ctx.forever();
};

/** localPathProvisionerImage is docker.io/rancher/local-path-provisioner (v0.0.30 is what the brief's clusters run). */
export const localPathProvisionerImage: ImageDefinition = {
  repository: 'docker.io/rancher/local-path-provisioner',
  sizeBytes: 19_100_000,
  tags: { aliases: { latest: 'v0.0.30', 'v0.0.30': 'v0.0.30', 'v0.0.29': 'v0.0.29', 'v0.0.28': 'v0.0.28', 'v0.0.26': 'v0.0.26' } },
  config: { entrypoint: [], cmd: ['local-path-provisioner'], workingDir: '/', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exposedPorts: [], stopSignal: 'SIGTERM' },
  programs: { 'local-path-provisioner': localPathProvisioner },
  shells: [],
};
