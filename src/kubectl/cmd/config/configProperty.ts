/**
 * configProperty edits one dotted kubeconfig property, the subset of `kubectl config set`
 * and `unset` paths (staging/src/k8s.io/kubectl/pkg/cmd/config/set.go, navigation_step_parser.go)
 * that the playground's kubeconfig holds: current-context, clusters.NAME.{server,
 * certificate-authority-data,insecure-skip-tls-verify}, contexts.NAME.{cluster,user,namespace},
 * users.NAME.{token,username,password,client-certificate-data,client-key-data}.
 * Missing named entries are created on set, as upstream does.
 */
import type { KubeCluster, KubeConfig, KubeContext, KubeUser } from '../../kubeconfig.ts';

const CLUSTER_FIELDS: Record<string, keyof KubeCluster> = {
  server: 'server',
  'certificate-authority-data': 'certificateAuthorityData',
  'insecure-skip-tls-verify': 'insecureSkipTlsVerify',
};
const CONTEXT_FIELDS: Record<string, keyof KubeContext> = { cluster: 'cluster', user: 'user', namespace: 'namespace' };
const USER_FIELDS: Record<string, keyof KubeUser> = {
  token: 'token',
  username: 'username',
  password: 'password',
  'client-certificate-data': 'clientCertificateData',
  'client-key-data': 'clientKeyData',
};

/** setProperty sets (value) or unsets (undefined) a property; throws Error with kubectl's message. */
export function setProperty(cfg: KubeConfig, path: string, value: string | undefined): void {
  if (path === 'current-context') {
    cfg.currentContext = value ?? '';
    return;
  }
  const m = /^(clusters|contexts|users)\.(.+)\.([a-z-]+)$/.exec(path);
  const whole = /^(clusters|contexts|users)\.([^.]+)$/.exec(path);
  if (whole && value === undefined) {
    const list = cfg[whole[1] as 'clusters'] as Array<{ name: string }>;
    const i = list.findIndex((e) => e.name === whole[2]);
    if (i < 0) throw new Error(`current map key \`${whole[2]}\` is invalid`);
    list.splice(i, 1);
    return;
  }
  if (!m) throw new Error(`unable to locate path ${path}`);
  const [, section, name, field] = m;
  const fields = section === 'clusters' ? CLUSTER_FIELDS : section === 'contexts' ? CONTEXT_FIELDS : USER_FIELDS;
  const key = fields[field];
  if (!key) throw new Error(`unable to parse one or more field values of ${path}`);
  const list = cfg[section as 'clusters'] as unknown as Array<Record<string, unknown>>;
  let entry = list.find((e) => e.name === name);
  if (!entry) {
    if (value === undefined) throw new Error(`current map key \`${name}\` is invalid`);
    entry = section === 'clusters' ? { name, server: '' } : section === 'contexts' ? { name, cluster: '', user: '' } : { name };
    list.push(entry);
  }
  if (value === undefined) {
    if (key === 'server' || key === 'cluster' || key === 'user') entry[key] = '';
    else delete entry[key];
  } else entry[key] = key === 'insecureSkipTlsVerify' ? value === 'true' : value;
}
