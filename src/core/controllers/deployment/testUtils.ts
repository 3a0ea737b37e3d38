/**
 * Test helpers for the Deployment controller: build Deployments, edit them as a user
 * would, and read back their ReplicaSets.
 */
import type { KubeObject } from '../../api/types.ts';
import { DEPLOYMENTS, REPLICASETS } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { thaw } from '../../storage/freeze.ts';
import { revisionOf } from './annotations.ts';
import type { DeploymentObj, ReplicaSetObj } from './types.ts';

/** deployment builds a Deployment of nginx pods labelled app=<name>. */
export function deployment(name: string, replicas: number, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...spec,
    },
  };
}

/** getDeployment reads a Deployment from the API server. */
export function getDeployment(cluster: Cluster, name: string): DeploymentObj {
  return cluster.client().get(DEPLOYMENTS, 'default', name) as DeploymentObj;
}

/** editDeployment changes a Deployment as `kubectl edit` would, then settles. */
export function editDeployment(cluster: Cluster, name: string, edit: (d: DeploymentObj) => void): void {
  const d = thaw(getDeployment(cluster, name));
  edit(d);
  cluster.client().update(DEPLOYMENTS, d);
  cluster.settle();
}

/** setImage is `kubectl set image deployment/<name> nginx=<image>`. */
export function setImage(cluster: Cluster, name: string, image: string): void {
  editDeployment(cluster, name, (d) => {
    d.spec.template.spec!.containers[0].image = image;
  });
}

/** replicaSetsOf lists a Deployment's ReplicaSets by revision, oldest first. */
export function replicaSetsOf(cluster: Cluster, name: string): ReplicaSetObj[] {
  const d = getDeployment(cluster, name);
  return (cluster.client().list(REPLICASETS, 'default').items as ReplicaSetObj[])
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

/** sizes lists each ReplicaSet's spec.replicas by revision, oldest first (e.g. [3, 1]). */
export function sizes(cluster: Cluster, name: string): number[] {
  return replicaSetsOf(cluster, name).map((rs) => rs.spec.replicas ?? 0);
}
