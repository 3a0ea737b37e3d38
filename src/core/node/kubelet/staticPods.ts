/**
 * Static pods of a kubeadm control-plane node (/etc/kubernetes/manifests): etcd, kube-apiserver,
 * kube-controller-manager and kube-scheduler. The kubelet runs them from files and creates a
 * *mirror pod* for each in the API (pkg/kubelet/pod/mirror_client.go): named `<name>-<node>`,
 * annotated `kubernetes.io/config.mirror` / `config.hash` / `config.source: file`, owned by the
 * Node, hostNetwork, priorityClassName system-node-critical — what `kubectl -n kube-system get pods`
 * shows on kubeadm clusters. A deleted mirror pod is recreated by the kubelet.
 */
import { rfc3339 } from '../../api/time.ts';
import type { KubeObject } from '../../api/types.ts';
import { sha256Hex } from '../images/sha256.ts';

interface StaticPodSpec {
  component: string;
  image: string;
  command: string[];
  port: number;
  cpu: string;
  memory?: string;
  volumes: { name: string; path: string; type: string }[];
}

function specs(ip: string): StaticPodSpec[] {
  const pki = { name: 'k8s-certs', path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate' };
  const ca = { name: 'ca-certs', path: '/etc/ssl/certs', type: 'DirectoryOrCreate' };
  return [
    {
      component: 'etcd', image: 'registry.k8s.io/etcd:3.5.16-0', port: 2381, cpu: '100m', memory: '100Mi',
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true', '--data-dir=/var/lib/etcd',
        '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s', `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=controlplane=https://${ip}:2380`, '--key-file=/etc/kubernetes/pki/etcd/server.key', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`, '--name=controlplane', '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
        '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000',
        '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'],
      volumes: [{ name: 'etcd-certs', path: '/etc/kubernetes/pki/etcd', type: 'DirectoryOrCreate' }, { name: 'etcd-data', path: '/var/lib/etcd', type: 'DirectoryOrCreate' }],
    },
    {
      component: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.32.2', port: 6443, cpu: '250m',
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
        '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379',
        '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--secure-port=6443', '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-account-key-file=/etc/kubernetes/pki/sa.pub', '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/12',
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
      volumes: [ca, pki],
    },
    {
      component: 'kube-controller-manager', image: 'registry.k8s.io/kube-controller-manager:v1.32.2', port: 10257, cpu: '200m',
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-cidr=10.244.0.0/16', '--cluster-name=kubernetes', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key', '--controllers=*,bootstrapsigner,tokencleaner', '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--root-ca-file=/etc/kubernetes/pki/ca.crt',
        '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true'],
      volumes: [ca, pki],
    },
    {
      component: 'kube-scheduler', image: 'registry.k8s.io/kube-scheduler:v1.32.2', port: 10259, cpu: '100m',
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      volumes: [{ name: 'kubeconfig', path: '/etc/kubernetes/scheduler.conf', type: 'FileOrCreate' }],
    },
  ];
}

/** staticPodManifests are the files in /etc/kubernetes/manifests of a control-plane node. */
export function staticPodManifests(nodeIP: string): KubeObject[] {
  return specs(nodeIP).map((s) => {
    const probe = (path: string, initial: number, failure: number): Record<string, unknown> => ({
      failureThreshold: failure,
      httpGet: { host: s.component === 'kube-apiserver' ? nodeIP : '127.0.0.1', path, port: s.port, scheme: s.component === 'etcd' ? 'HTTP' : 'HTTPS' },
      initialDelaySeconds: initial, periodSeconds: 10, timeoutSeconds: 15,
    });
    const health = s.component === 'etcd' ? '/livez' : s.component === 'kube-apiserver' ? '/livez' : '/healthz';
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: s.component,
        namespace: 'kube-system',
        labels: { component: s.component, tier: 'control-plane' },
        annotations: s.component === 'etcd'
          ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${nodeIP}:2379` }
          : s.component === 'kube-apiserver' ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIP}:6443` } : {},
      },
      spec: {
        containers: [{
          name: s.component,
          image: s.image,
          imagePullPolicy: 'IfNotPresent',
          command: s.command,
          livenessProbe: probe(health, 10, 8),
          ...(s.component === 'kube-apiserver' ? { readinessProbe: { failureThreshold: 3, httpGet: { host: nodeIP, path: '/readyz', port: s.port, scheme: 'HTTPS' }, periodSeconds: 1, timeoutSeconds: 15 } } : {}),
          startupProbe: probe(health, 10, 24),
          resources: { requests: { cpu: s.cpu, ...(s.memory ? { memory: s.memory } : {}) } },
          volumeMounts: s.volumes.map((v) => ({ mountPath: v.path, name: v.name, ...(v.name.includes('cert') ? { readOnly: true } : {}) })),
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        }],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        hostNetwork: true,
        priority: 2000001000,
        priorityClassName: 'system-node-critical',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        terminationGracePeriodSeconds: 30,
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
        volumes: s.volumes.map((v) => ({ hostPath: { path: v.path, type: v.type }, name: v.name })),
      },
    } as KubeObject;
  });
}

/** mirrorPod turns a manifest into the mirror pod of `nodeName` (owned by the Node). */
export function mirrorPod(manifest: KubeObject, nodeName: string, nodeUID: string, seenAt: number): KubeObject {
  const hash = sha256Hex(JSON.stringify(manifest.spec)).slice(0, 32);
  const m = manifest.metadata;
  return {
    ...manifest,
    metadata: {
      ...m,
      name: `${m.name}-${nodeName}`,
      annotations: {
        ...m.annotations,
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': rfc3339(seenAt).replace('Z', '.000000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUID, controller: true }],
    },
    spec: { ...(manifest.spec as object), nodeName },
  };
}
