/**
 * kubeconfigFor renders the kubeconfig `kubeplay serve` writes: kubeadm's admin.conf names
 * (cluster `kubernetes`, user `kubernetes-admin`, context `kubernetes-admin@kubernetes`)
 * pointing at the gateway over plain http. There are no credentials: client-go would not
 * send them over http anyway, and the gateway treats every caller as the admin.
 */
export function kubeconfigFor(server: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
preferences: {}
users:
- name: kubernetes-admin
  user: {}
`;
}
