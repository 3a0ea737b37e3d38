/**
 * registry.k8s.io/coredns/coredns: the cluster DNS server kubeadm deploys. Answers themselves
 * come from the network layer (core/network/dns), which only serves queries while a CoreDNS
 * container listens on 53/UDP; this program provides that listener, the health (8080
 * `/health`) and readiness (8181 `/ready`) endpoints the Deployment probes, metrics on 9153,
 * and CoreDNS's start-up log. Scratch image: no shell.
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { textResponse } from './format.ts';

const coredns: Program = async (ctx) => {
  ctx.setUsage({ memoryBytes: 14 * 1024 * 1024, cpuMilli: 2 });
  const dns = () => ({ status: 0, headers: {}, body: '' });
  ctx.listen(53, 'UDP', dns);
  ctx.listen(53, 'TCP', dns);
  ctx.listen(8080, 'HTTP', (req) => (req.path === '/health' ? textResponse(200, 'OK', 'text/plain; charset=utf-8') : textResponse(404, '404 page not found\n', 'text/plain; charset=utf-8')));
  ctx.listen(8181, 'HTTP', (req) => (req.path === '/ready' ? textResponse(200, 'OK', 'text/plain; charset=utf-8') : textResponse(404, '404 page not found\n', 'text/plain; charset=utf-8')));
  ctx.listen(9153, 'HTTP', () => textResponse(200, '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n# TYPE coredns_build_info gauge\ncoredns_build_info{goversion="go1.21.11",revision="a6338e9",version="1.11.3"} 1\n', 'text/plain; version=0.0.4; charset=utf-8'));
  ctx.log('.:53');
  ctx.log('[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908');
  ctx.log(`CoreDNS-${ctx.image.version.replace(/^v/, '')}`);
  ctx.log('linux/amd64, go1.21.11, a6338e9');
  ctx.onSignal('SIGTERM', () => {
    ctx.log('[INFO] SIGTERM: Shutting down servers then terminating');
    ctx.log('[INFO] plugin/health: Going into lameduck mode for 5s');
    ctx.after(5000, () => ctx.exit(0));
  });
  return ctx.forever();
};

/** corednsImage is registry.k8s.io/coredns/coredns (v1.11.3 for Kubernetes v1.32). */
export const corednsImage: ImageDefinition = {
  repository: 'registry.k8s.io/coredns/coredns',
  sizeBytes: 18_560_000,
  tags: { aliases: { 'v1.11.3': 'v1.11.3', 'v1.11.1': 'v1.11.1', 'v1.10.1': 'v1.10.1' } },
  config: { entrypoint: ['/coredns'], cmd: [], workingDir: '/', env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']], exposedPorts: ['53/tcp', '53/udp'], stopSignal: 'SIGTERM' },
  programs: { coredns },
  shells: [],
};
