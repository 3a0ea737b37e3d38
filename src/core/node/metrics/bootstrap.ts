/**
 * metrics-server as its release manifest installs it (kubernetes-sigs/metrics-server v0.7.2
 * `components.yaml`, with `--kubelet-insecure-tls` as playground clusters add for kubeadm's
 * self-signed kubelet certificates): ServiceAccount, Service `metrics-server` (443 → https),
 * Deployment (1 replica) and, when the API server serves APIServices, `v1beta1.metrics.k8s.io`.
 */
import { DEPLOYMENTS, SERVICEACCOUNTS, SERVICES } from '../../client/client.ts';
import type { Cluster } from '../../sim/cluster.ts';

/** METRICS_SERVER_IMAGE is the image metrics-server v0.7.2 runs. */
export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2';

const LABELS = { 'k8s-app': 'metrics-server' };

/** bootstrapMetricsServer creates metrics-server's objects in kube-system. */
export function bootstrapMetricsServer(cluster: Cluster): void {
  const client = cluster.client('kubectl-client-side-apply');
  const meta = { name: 'metrics-server', namespace: 'kube-system', labels: LABELS };
  client.create(SERVICEACCOUNTS, 'kube-system', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta });
  client.create(SERVICES, 'kube-system', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta,
    spec: { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], selector: LABELS },
  });
  const probe = (path: string, extra: Record<string, number>) => ({ httpGet: { path, port: 'https', scheme: 'HTTPS' }, failureThreshold: 3, periodSeconds: 10, ...extra });
  client.create(DEPLOYMENTS, 'kube-system', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta,
    spec: {
      selector: { matchLabels: LABELS },
      strategy: { rollingUpdate: { maxUnavailable: 0 } },
      template: {
        metadata: { labels: LABELS },
        spec: {
          containers: [
            {
              name: 'metrics-server',
              image: METRICS_SERVER_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: [
                '--cert-dir=/tmp',
                '--secure-port=10250',
                '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
                '--kubelet-use-node-status-port',
                '--metric-resolution=15s',
                '--kubelet-insecure-tls',
              ],
              ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
              livenessProbe: probe('/livez', {}),
              readinessProbe: probe('/readyz', { initialDelaySeconds: 20 }),
              resources: { requests: { cpu: '100m', memory: '200Mi' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                runAsUser: 1000,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [{ mountPath: '/tmp', name: 'tmp-dir' }],
            },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'metrics-server',
          volumes: [{ emptyDir: {}, name: 'tmp-dir' }],
        },
      },
    },
  });
  // Another layer may serve apiregistration.k8s.io; register the APIService when it does.
  if (client.discovery().some((d) => d.group === 'apiregistration.k8s.io' && d.resource === 'apiservices')) {
    client.create({ group: 'apiregistration.k8s.io', resource: 'apiservices' }, '', {
      apiVersion: 'apiregistration.k8s.io/v1',
      kind: 'APIService',
      metadata: { name: 'v1beta1.metrics.k8s.io', labels: LABELS },
      spec: {
        group: 'metrics.k8s.io',
        groupPriorityMinimum: 100,
        insecureSkipTLSVerify: true,
        service: { name: 'metrics-server', namespace: 'kube-system', port: 443 },
        version: 'v1beta1',
        versionPriority: 100,
      },
    });
  }
}
