/**
 * The kubeconfig kubeadm writes to /etc/kubernetes/admin.conf (copied to ~/.kube/config):
 * one cluster, one user, one context. `kubectl config` reads and edits it.
 */

/** KubeContext is one context entry. */
export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

/** KubeConfig is the mutable configuration state. */
export interface KubeConfig {
  currentContext: string;
  clusters: Array<{ name: string; server: string }>;
  users: Array<{ name: string }>;
  contexts: KubeContext[];
}

/** defaultKubeConfig is kubeadm's admin.conf. */
export function defaultKubeConfig(server = 'https://172.30.1.2:6443'): KubeConfig {
  return {
    currentContext: 'kubernetes-admin@kubernetes',
    clusters: [{ name: 'kubernetes', server }],
    users: [{ name: 'kubernetes-admin' }],
    contexts: [{ name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin' }],
  };
}

/** currentContext returns the active context entry, if any. */
export function currentContext(cfg: KubeConfig, override?: string): KubeContext | undefined {
  const name = override || cfg.currentContext;
  return cfg.contexts.find((c) => c.name === name);
}
