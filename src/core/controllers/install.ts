/**
 * installControllers adds this layer's components to a cluster (kube-controller-manager's
 * controllers). Keep this a short list of installers; reconcilers run in this order.
 */
import type { Cluster } from '../sim/cluster.ts';
import { installCronJobController } from './cronjob/cronJobController.ts';
import { installDaemonSetController } from './daemonset/daemonSetController.ts';
import { installDeploymentController } from './deployment/deploymentController.ts';
import { installDisruptionController } from './disruption/disruptionController.ts';
import { installEndpointsController } from './endpoints/endpointsController.ts';
import { installEndpointSliceController } from './endpointslice/endpointSliceController.ts';
import { installEventTTL } from './eventttl/eventTTL.ts';
import { installJobController } from './job/jobController.ts';
import { installGarbageCollector } from './garbagecollector/garbageCollector.ts';
import { installNamespaceController } from './namespace/namespaceController.ts';
import { installHorizontalPodAutoscalerController } from './podautoscaler/horizontalController.ts';
import { installNodeLifecycleController } from './nodelifecycle/nodeLifecycleController.ts';
import { installTaintEvictionController } from './nodelifecycle/taintEvictionController.ts';
import { installReplicaSetController } from './replicaset/replicaSetController.ts';
import { installReplicationManager } from './replicaset/replicationManager.ts';
import { installResourceQuotaController } from './resourcequota/resourceQuotaController.ts';
import { installRootCACertPublisher } from './serviceaccount/rootCACertPublisher.ts';
import { installTTLAfterFinishedController } from './ttlafterfinished/ttlAfterFinishedController.ts';
import { installServiceAccountsController } from './serviceaccount/serviceAccountsController.ts';
import { installVolumeControllers } from './volume/install.ts';
import { installStatefulSetController } from './statefulset/statefulSetController.ts';

/** installControllers registers every controller. */
export function installControllers(cluster: Cluster): void {
  installDeploymentController(cluster);
  installReplicaSetController(cluster);
  installReplicationManager(cluster);
  installJobController(cluster);
  installCronJobController(cluster);
  installTTLAfterFinishedController(cluster);
  installServiceAccountsController(cluster);
  installRootCACertPublisher(cluster);
  installGarbageCollector(cluster);
  installNamespaceController(cluster);
  installEndpointsController(cluster);
  installEndpointSliceController(cluster);
  installDaemonSetController(cluster);
  installStatefulSetController(cluster);
  installNodeLifecycleController(cluster);
  installTaintEvictionController(cluster);
  installEventTTL(cluster);
  installResourceQuotaController(cluster);
  installVolumeControllers(cluster);
  installDisruptionController(cluster);
  installHorizontalPodAutoscalerController(cluster);
}
