/**
 * The local-path storage add-on as kind and Killercoda clusters ship it
 * (rancher/local-path-provisioner deploy/local-path-storage.yaml, v0.0.30): namespace
 * local-path-storage with its ServiceAccount, the local-path-config ConfigMap and the
 * local-path-provisioner Deployment, and the default StorageClass `local-path`
 * (WaitForFirstConsumer, reclaim Delete). RBAC objects are left out.
 */
import { CONFIGMAPS, DEPLOYMENTS, NAMESPACES, SERVICEACCOUNTS, STORAGECLASSES } from '../../../client/client.ts';
import type { Cluster } from '../../../sim/cluster.ts';
import { LOCAL_PATH_NAMESPACE, LOCAL_PATH_PROVISIONER, LOCAL_PATH_ROOT } from './localPathProvisioner.ts';

/** LOCAL_PATH_IMAGE is the provisioner image the add-on runs. */
export const LOCAL_PATH_IMAGE = 'docker.io/rancher/local-path-provisioner:v0.0.30';
const SERVICE_ACCOUNT = 'local-path-provisioner-service-account';

const CONFIG_JSON = `{
        "nodePathMap":[
        {
                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",
                "paths":["${LOCAL_PATH_ROOT}"]
        }
        ]
}`;

const HELPER_POD = `apiVersion: v1
kind: Pod
metadata:
  name: helper-pod
spec:
  priorityClassName: system-node-critical
  tolerations:
    - key: node.kubernetes.io/disk-pressure
      operator: Exists
      effect: NoSchedule
  containers:
  - name: helper-pod
    image: busybox
    imagePullPolicy: IfNotPresent`;

/** bootstrapLocalPathStorage creates the add-on's objects. */
export function bootstrapLocalPathStorage(cluster: Cluster): void {
  const client = cluster.client('kubectl-client-side-apply');
  const ns = LOCAL_PATH_NAMESPACE;
  client.create(NAMESPACES, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } });
  client.create(SERVICEACCOUNTS, ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: SERVICE_ACCOUNT, namespace: ns } });
  client.create(CONFIGMAPS, ns, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'local-path-config', namespace: ns },
    data: {
      'config.json': CONFIG_JSON,
      setup: '#!/bin/sh\nset -eu\nmkdir -m 0777 -p "$VOL_DIR"',
      teardown: '#!/bin/sh\nset -eu\nrm -rf "$VOL_DIR"',
      'helperPod.yaml': HELPER_POD,
    },
  });
  client.create(DEPLOYMENTS, ns, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'local-path-provisioner', namespace: ns },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'local-path-provisioner' } },
      template: {
        metadata: { labels: { app: 'local-path-provisioner' } },
        spec: {
          serviceAccountName: SERVICE_ACCOUNT,
          containers: [
            {
              name: 'local-path-provisioner',
              image: LOCAL_PATH_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              command: ['local-path-provisioner', '--debug', 'start', '--config', '/etc/config/config.json'],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
              env: [
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
              ],
            },
          ],
          volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
        },
      },
    },
  });
  client.create(STORAGECLASSES, '', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
}
