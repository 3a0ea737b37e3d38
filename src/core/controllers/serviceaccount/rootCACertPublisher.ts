/**
 * The root-ca-cert-publisher: every namespace has a ConfigMap `kube-root-ca.crt` holding
 * the cluster CA, which the projected `kube-api-access-*` volume of each pod mounts.
 *
 * Modelled on pkg/controller/certificates/rootcacertpublisher/publisher.go: namespace
 * events and changes to the ConfigMap enqueue the namespace; reconcile creates the
 * ConfigMap, or puts back its data and description annotation if someone changed them.
 */
import { isStatusError } from '../../api/status.ts';
import type { ConfigMap, KubeObject } from '../../api/types.ts';
import { CONFIGMAPS, NAMESPACES, type Client } from '../../client/client.ts';
import type { Informer } from '../../client/informer.ts';
import { WorkQueue } from '../../client/workqueue.ts';
import type { Cluster } from '../../sim/cluster.ts';
import type { Result } from '../../sim/loop.ts';
import { thaw } from '../../storage/freeze.ts';
import { CLUSTER_CA_PEM } from './clusterCA.ts';
import { isNamespaceActive } from './serviceAccountsController.ts';

/** ROOT_CA_CONFIGMAP is the ConfigMap's name in every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** DESCRIPTION_ANNOTATION is the annotation upstream puts on the ConfigMap, and its text. */
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** PUBLISHER_USER is the identity kube-controller-manager uses for this controller. */
export const PUBLISHER_USER = {
  username: 'system:serviceaccount:kube-system:root-ca-cert-publisher',
  groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
};

/** RootCACertPublisher keeps kube-root-ca.crt in every namespace. */
export class RootCACertPublisher {
  readonly name = 'root-ca-cert-publisher';
  readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly nsInformer: Informer;
  private readonly cmInformer: Informer;

  constructor(cluster: Cluster, private readonly caPEM = CLUSTER_CA_PEM) {
    this.queue = new WorkQueue('root_ca_cert_publisher', cluster.clock);
    this.client = cluster.client('kube-controller-manager', PUBLISHER_USER);
    this.nsInformer = cluster.informers.forResource(NAMESPACES);
    this.cmInformer = cluster.informers.forResource(CONFIGMAPS);
    this.nsInformer.addHandler({
      add: (ns) => this.queue.add(ns.metadata.name ?? ''),
      update: (_old, ns) => this.queue.add(ns.metadata.name ?? ''),
    });
    const onConfigMap = (cm: KubeObject) => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(cm.metadata.namespace ?? '');
    };
    this.cmInformer.addHandler({ update: (_old, cm) => onConfigMap(cm), delete: onConfigMap });
  }

  /** reconcile is syncNamespace. */
  reconcile(namespace: string): Result | void {
    if (!isNamespaceActive(this.nsInformer.get('', namespace))) return;
    const data = { 'ca.crt': this.caPEM };
    const existing = this.cmInformer.get(namespace, ROOT_CA_CONFIGMAP) as (ConfigMap & KubeObject) | undefined;
    try {
      if (!existing) {
        this.client.create(CONFIGMAPS, namespace, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: ROOT_CA_CONFIGMAP, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } },
          data,
        });
        return;
      }
      const sameData = existing.data?.['ca.crt'] === this.caPEM && Object.keys(existing.data ?? {}).length === 1;
      if (sameData && existing.metadata.annotations?.[DESCRIPTION_ANNOTATION] === DESCRIPTION) return;
      const cm = thaw(existing);
      cm.data = data;
      cm.metadata.annotations = { ...cm.metadata.annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION };
      this.client.update(CONFIGMAPS, cm);
    } catch (err) {
      if (isStatusError(err) && (err.code === 409 || err.code === 403 || err.code === 404)) return { requeueAfter: 1000 };
      throw err;
    }
  }
}

/** installRootCACertPublisher registers the publisher with the cluster. */
export function installRootCACertPublisher(cluster: Cluster): RootCACertPublisher {
  const c = new RootCACertPublisher(cluster);
  cluster.addReconciler(c);
  return c;
}
