/**
 * installNodes adds the node layer to a cluster: one Kubelet per `cluster.options.nodes`
 * (controlplane 172.30.1.2, workers 172.30.2.2, 172.30.3.2, ...; podCIDRs 10.244.N.0/24 in
 * node order — upstream the node-ipam controller of kube-controller-manager assigns these; the
 * simulation has the kubelet register with it, which reads the same), the static pods of the
 * control-plane node, the node proxy for logs/exec, and the services other layers use:
 *
 * - `cluster.services.get('kubelet/<node>')` → Kubelet (`stop()`, `start()`, `records`, `images`)
 * - `cluster.services.get('nodes')` → NodeManager (`addNode(opts)`, `removeNode(name)`, `kubelets()`)
 */
import { NODES } from '../client/client.ts';
import type { Cluster, NodeOptions } from '../sim/cluster.ts';
import { ImageCatalog } from './images/catalog.ts';
import { DEFAULT_IMAGES } from './images/defaultCatalog.ts';
import { Kubelet } from './kubelet/kubelet.ts';
import { KubeletNodeProxy } from './kubelet/logsExec.ts';
import { internalIPFor, podCIDRFor } from './kubelet/nodeObject.ts';
import { staticPodManifests } from './kubelet/staticPods.ts';
import { SYSTEM_IMAGE_REFS, SYSTEM_IMAGES } from './kubelet/systemImages.ts';
import { terminalShellRunner } from './runtime/terminalShell.ts';

/** NodeManager adds and removes nodes at runtime. */
export interface NodeManager {
  /** addNode creates a kubelet, registers its Node and starts it. */
  addNode(opts: NodeOptions): Kubelet;
  /** removeNode stops the kubelet, kills its containers and deletes the Node object. */
  removeNode(name: string): void;
  kubelets(): Kubelet[];
}

export function installNodes(cluster: Cluster): void {
  const catalog = new ImageCatalog([...DEFAULT_IMAGES, ...SYSTEM_IMAGES]);
  const shell = terminalShellRunner(() => cluster.clock.now());
  const kubelets = new Map<string, Kubelet>();
  let nextIndex = 0;

  const create = (opts: NodeOptions): Kubelet => {
    const index = nextIndex++;
    const kubelet = new Kubelet(cluster, {
      node: opts,
      internalIP: internalIPFor(index),
      podCIDR: podCIDRFor(cluster.options.podCIDR, index, cluster.options.nodeCIDRMaskSize),
      catalog,
      shell,
      preloadImages: SYSTEM_IMAGE_REFS,
    });
    kubelets.set(opts.name, kubelet);
    cluster.services.set(`kubelet/${opts.name}`, kubelet);
    return kubelet;
  };
  for (const opts of cluster.options.nodes) create(opts);

  const startNode = (kubelet: Kubelet): void => {
    if (kubelet.identity.options.controlPlane) kubelet.setStaticPods(staticPodManifests(kubelet.identity.internalIP));
    kubelet.start();
  };

  const manager: NodeManager = {
    addNode(opts) {
      const k = create(opts);
      startNode(k);
      return k;
    },
    removeNode(name) {
      const k = kubelets.get(name);
      k?.shutdown();
      kubelets.delete(name);
      cluster.services.delete(`kubelet/${name}`);
      const client = cluster.client('kubectl');
      if (client.tryGet(NODES, '', name)) client.delete(NODES, '', name);
    },
    kubelets: () => [...kubelets.values()],
  };
  cluster.services.set('nodes', manager);
  cluster.server.nodeProxy = new KubeletNodeProxy((name) => kubelets.get(name));
  cluster.onBootstrap(() => {
    for (const k of kubelets.values()) startNode(k);
  });
  // After a restore the Node objects exist already; kubelets re-register and run their pods again.
  cluster.onResume(() => {
    for (const k of kubelets.values()) startNode(k);
  });
  cluster.registerState('kubelets', {
    save: () => Object.fromEntries([...kubelets].map(([n, k]) => [n, k.save()])),
    load: (data) => {
      for (const [n, d] of Object.entries(data as Record<string, unknown>)) kubelets.get(n)?.load(d);
    },
  });
}
