/**
 * The replication manager: ReplicationControllers (core/v1, `rc`) run by the ReplicaSet
 * controller, as upstream's pkg/controller/replication does (NewReplicationManager wraps the
 * ReplicaSet controller with adapters). Only the names differ: events come from
 * `replication-controller`, pods are owned by `v1 ReplicationController`, and the
 * selector is a plain label map.
 */
import type { ReplicationController } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { ReplicaSetController, type ReplicatedKind } from './replicaSetController.ts';

/** REPLICATION_CONTROLLER_KIND describes core/v1 ReplicationController to the shared controller. */
export const REPLICATION_CONTROLLER_KIND: ReplicatedKind = {
  ref: { group: '', resource: 'replicationcontrollers' },
  apiVersion: 'v1',
  kind: 'ReplicationController',
  name: 'replicationmanager',
  queueName: 'replicationmanager',
  recorder: 'replication-controller',
  user: {
    username: 'system:serviceaccount:kube-system:replication-controller',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
  },
  // An RC's selector is a map; an empty one selects nothing (the API server defaults it from the template).
  selectorOf: (obj: KubeObject) => {
    const selector = (obj as ReplicationController).spec?.selector;
    return selector && Object.keys(selector).length > 0 ? { matchLabels: selector } : undefined;
  },
};

/** installReplicationManager registers the ReplicationController controller, when RCs are served. */
export function installReplicationManager(cluster: Cluster): ReplicaSetController | undefined {
  const served = cluster.server.resources().some((d) => d.group === '' && d.resource === 'replicationcontrollers');
  if (!served) return undefined;
  const controller = new ReplicaSetController(cluster, REPLICATION_CONTROLLER_KIND);
  cluster.addReconciler(controller);
  return controller;
}
