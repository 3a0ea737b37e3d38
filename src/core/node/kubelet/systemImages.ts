/**
 * The control-plane and add-on images a kubeadm v1.32 node runs (registry.k8s.io), as catalog
 * entries: each serves its port(s), logs a klog-style start line and exits on SIGTERM. They are
 * preloaded on every node, as `kubeadm config images pull` leaves them.
 */
import type { ImageDefinition } from '../images/definition.ts';
import type { Program } from '../runtime/types.ts';

function klogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000`;
}

/**
 * server is a control-plane component: it serves its ports and uses a steady CPU and memory
 * (figures of an idle kubeadm cluster as `kubectl top pod -n kube-system` shows them).
 */
function server(ports: number[], startLine: string, memoryMi: number, udp: number[] = [], cpuMilli = 2): Program {
  return async (ctx) => {
    ctx.log(`I${klogTime(ctx.now())}       1 ${startLine}`, 'stderr');
    ctx.setUsage({ memoryBytes: memoryMi * 1024 * 1024, cpuMilli });
    for (const port of udp) ctx.listen(port, 'UDP', () => ({ status: 0, headers: {}, body: '' }));
    for (const port of ports) ctx.listen(port, 'HTTP', (req) => ({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: req.path === '/health' || req.path === '/ready' ? 'OK' : 'ok' }));
    ctx.onSignal('SIGTERM', () => ctx.exit(0));
    return ctx.forever();
  };
}

function systemImage(repository: string, tag: string, sizeBytes: number, exe: string, program: Program, entrypoint: string[] = []): ImageDefinition {
  return {
    repository,
    sizeBytes,
    tags: { aliases: { [tag]: tag } },
    config: { entrypoint, cmd: entrypoint.length ? [] : [`/usr/local/bin/${exe}`], workingDir: '/', env: [['PATH', '/usr/local/bin:/usr/bin:/bin']], exposedPorts: [], stopSignal: 'SIGTERM' },
    programs: { [exe]: program },
    shells: exe === 'flanneld' ? ['sh'] : [],
  };
}

/** SYSTEM_IMAGES are the kubeadm v1.32.2 images. */
export const SYSTEM_IMAGES: readonly ImageDefinition[] = [
  systemImage('registry.k8s.io/kube-apiserver', 'v1.32.2', 28_670_731, 'kube-apiserver', server([6443], 'options.go:228] external host was not specified, using 172.30.1.2', 250, [], 40)),
  systemImage('registry.k8s.io/kube-controller-manager', 'v1.32.2', 26_259_392, 'kube-controller-manager', server([10257], 'serving.go:386] Generated self-signed cert in-memory', 50, [], 15)),
  systemImage('registry.k8s.io/kube-scheduler', 'v1.32.2', 20_657_902, 'kube-scheduler', server([10259], 'serving.go:386] Generated self-signed cert in-memory', 20, [], 5)),
  systemImage('registry.k8s.io/kube-proxy', 'v1.32.2', 30_907_858, 'kube-proxy', server([10249, 10256], 'server_linux.go:66] "Using iptables proxy"', 15, [], 1)),
  systemImage('registry.k8s.io/etcd', '3.5.16-0', 57_680_541, 'etcd', server([2379, 2381], 'etcdmain.go:73] Running: etcd', 40, [], 20)),
  // CoreDNS answers DNS on 53/UDP, /health on 8080 and /ready on 8181 (its ENTRYPOINT is /coredns).
  systemImage('registry.k8s.io/coredns/coredns', 'v1.11.3', 18_562_039, 'coredns', server([8080, 8181, 9153], 'plugin/reload: Running configuration SHA512', 13, [53], 2), ['/coredns']),
  systemImage('ghcr.io/flannel-io/flannel', 'v0.26.1', 32_160_000, 'flanneld', server([], 'main.go:211] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 ...}', 20, [], 3)),
  // metrics-server is not preloaded: its Deployment pulls it, as on a cluster where it is applied after kubeadm init.
  systemImage('registry.k8s.io/metrics-server/metrics-server', 'v0.7.2', 19_494_617, 'metrics-server', server([10250], 'serving.go:374] Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)', 18, [], 3), ['/metrics-server']),
  systemImage('ghcr.io/flannel-io/flannel-cni-plugin', 'v1.6.0-flannel1', 4_856_000, 'flannel-cni', server([], 'copying flannel CNI plugin', 2)),
];

/** SYSTEM_IMAGE_REFS are the references preloaded on every node (plus the sandbox image). */
export const SYSTEM_IMAGE_REFS = [
  'registry.k8s.io/kube-apiserver:v1.32.2', 'registry.k8s.io/kube-controller-manager:v1.32.2', 'registry.k8s.io/kube-scheduler:v1.32.2',
  'registry.k8s.io/kube-proxy:v1.32.2', 'registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/coredns/coredns:v1.11.3', 'registry.k8s.io/pause:3.10',
  'ghcr.io/flannel-io/flannel:v0.26.1', 'ghcr.io/flannel-io/flannel-cni-plugin:v1.6.0-flannel1',
];
