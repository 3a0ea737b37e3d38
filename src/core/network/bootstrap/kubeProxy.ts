/**
 * kube-proxy and the CNI as kubeadm + flannel leave them:
 * - the `kube-proxy` ConfigMap (config.conf, iptables mode) and DaemonSet in kube-system;
 * - flannel (namespace `kube-flannel`, DaemonSet `kube-flannel-ds`): chosen because the pod
 *   CIDR 10.244.0.0/16 is flannel's default network and it is one container per node.
 *
 * NOTE: DaemonSets are created only when the API server serves `daemonsets` (another layer
 * adds the kind and its controller); without it there are no kube-proxy/flannel pods, and
 * routing works regardless (this layer *is* kube-proxy).
 */
import type { KubeObject } from '../../api/types.ts';
import type { Cluster } from '../../sim/cluster.ts';
import { CONFIGMAPS, NAMESPACES, SERVICEACCOUNTS } from '../../client/client.ts';

const DAEMONSETS = { group: 'apps', resource: 'daemonsets' };

function daemonSet(namespace: string, name: string, labels: Record<string, string>, podSpec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      template: { metadata: { labels }, spec: podSpec },
    },
  };
}

/** bootstrapKubeProxy creates kube-proxy's ConfigMap and, when served, the DaemonSets. */
export function bootstrapKubeProxy(cluster: Cluster): void {
  const client = cluster.client('kubeadm');
  const version = cluster.options.kubernetesVersion;
  client.create(CONFIGMAPS, 'kube-system', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
    data: {
      'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\nclientConnection:\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\nclusterCIDR: ${cluster.options.podCIDR}\nkind: KubeProxyConfiguration\nmode: ""\n`,
      'kubeconfig.conf': 'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    server: https://172.30.1.2:6443\n  name: default\ncontexts:\n- context:\n    cluster: default\n    namespace: default\n    user: default\n  name: default\ncurrent-context: default\nusers:\n- name: default\n  user:\n    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token\n',
    },
  });
  if (!cluster.server.resources().some((r) => r.group === 'apps' && r.resource === 'daemonsets')) return;
  const tolerateAll = [{ operator: 'Exists' }];
  // The ServiceAccount admission plugin refuses pods whose account is missing: kubeadm and the flannel manifest create them.
  client.create(SERVICEACCOUNTS, 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } });
  client.create(DAEMONSETS, 'kube-system', daemonSet('kube-system', 'kube-proxy', { 'k8s-app': 'kube-proxy' }, {
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'kube-proxy',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: tolerateAll,
    containers: [{
      name: 'kube-proxy',
      image: `registry.k8s.io/kube-proxy:${version}`,
      command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
      env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
      securityContext: { privileged: true },
      volumeMounts: [{ name: 'kube-proxy', mountPath: '/var/lib/kube-proxy' }],
    }],
    volumes: [{ name: 'kube-proxy', configMap: { name: 'kube-proxy' } }],
  }));
  client.create(NAMESPACES, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'kubernetes.io/metadata.name': 'kube-flannel', 'pod-security.kubernetes.io/enforce': 'privileged' } } });
  client.create(SERVICEACCOUNTS, 'kube-flannel', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flannel', namespace: 'kube-flannel' } });
  client.create(DAEMONSETS, 'kube-flannel', daemonSet('kube-flannel', 'kube-flannel-ds', { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' }, {
    hostNetwork: true,
    priorityClassName: 'system-node-critical',
    serviceAccountName: 'flannel',
    tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
    containers: [{
      name: 'kube-flannel',
      image: 'ghcr.io/flannel-io/flannel:v0.26.1',
      command: ['/opt/bin/flanneld'],
      args: ['--ip-masq', '--kube-subnet-mgr'],
      resources: { requests: { cpu: '100m', memory: '50Mi' } },
      securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
    }],
  }));
}
