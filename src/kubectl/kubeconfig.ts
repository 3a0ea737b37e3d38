/**
 * The kubeconfig kubeadm writes to /etc/kubernetes/admin.conf (copied to ~/.kube/config):
 * one cluster, one user, one context. `kubectl config` reads and edits it.
 *
 * The certificate fields hold stand-in PEM blocks (base64), so `config view` prints
 * DATA+OMITTED and `config view --raw` prints data, as with a real admin.conf.
 */

/** KubeContext is one context entry. */
export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

/** KubeCluster is one cluster entry. */
export interface KubeCluster {
  name: string;
  server: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify?: boolean;
}

/** KubeUser is one user (AuthInfo) entry. */
export interface KubeUser {
  name: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  token?: string;
  username?: string;
  password?: string;
}

/** KubeConfig is the mutable configuration state. */
export interface KubeConfig {
  currentContext: string;
  clusters: KubeCluster[];
  users: KubeUser[];
  contexts: KubeContext[];
}

/** KUBECONFIG_PATH is where the terminal's kubectl finds its kubeconfig (named in config messages). */
export const KUBECONFIG_PATH = '/root/.kube/config';

/** pemStandIn is a base64 PEM block that says what it stands for (no real key material). */
function pemStandIn(type: string, subject: string): string {
  const body = btoa(`kubeplay stand-in ${type.toLowerCase()} for ${subject}`);
  return btoa(`-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`);
}

/** defaultKubeConfig is kubeadm's admin.conf. */
export function defaultKubeConfig(server = 'https://172.30.1.2:6443'): KubeConfig {
  return {
    currentContext: 'kubernetes-admin@kubernetes',
    clusters: [{ name: 'kubernetes', server, certificateAuthorityData: pemStandIn('CERTIFICATE', 'CN=kubernetes') }],
    users: [
      {
        name: 'kubernetes-admin',
        clientCertificateData: pemStandIn('CERTIFICATE', 'O=kubeadm:cluster-admins, CN=kubernetes-admin'),
        clientKeyData: pemStandIn('RSA PRIVATE KEY', 'kubernetes-admin'),
      },
    ],
    contexts: [{ name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin' }],
  };
}

/** currentContext returns the active context entry, if any. */
export function currentContext(cfg: KubeConfig, override?: string): KubeContext | undefined {
  const name = override || cfg.currentContext;
  return cfg.contexts.find((c) => c.name === name);
}
