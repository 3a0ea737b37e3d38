/**
 * configObject renders a KubeConfig as the clientcmd v1 Config that `kubectl config view`
 * prints: secrets replaced by DATA+OMITTED / REDACTED unless raw, trimmed to the current
 * context with minify (clientcmd/api/helpers.go ShortenConfig, MinifyConfig).
 */
import type { KubeConfig } from '../../kubeconfig.ts';

/** ViewOptions shape the rendered config. */
export interface ViewOptions {
  raw: boolean;
  minify: boolean;
  /** context overrides current-context for --minify (the --context flag). */
  context?: string;
}

const DATA_OMITTED = 'DATA+OMITTED';
const REDACTED = 'REDACTED';

/** configObject builds the v1 Config; throws Error with kubectl's message when minify has no context. */
export function configObject(cfg: KubeConfig, opts: ViewOptions): Record<string, unknown> {
  let { clusters, users, contexts } = cfg;
  let current = cfg.currentContext;
  if (opts.minify) {
    current = opts.context || cfg.currentContext;
    if (current === '') throw new Error('current-context must exist in order to minify');
    const ctx = contexts.find((c) => c.name === current);
    if (!ctx) throw new Error(`cannot locate context ${current}`);
    contexts = [ctx];
    clusters = clusters.filter((c) => c.name === ctx.cluster);
    users = users.filter((u) => u.name === ctx.user);
  }
  const data = (v: string | undefined) => (v === undefined ? undefined : opts.raw ? v : DATA_OMITTED);
  const secret = (v: string | undefined) => (v === undefined ? undefined : opts.raw ? v : REDACTED);
  const list = <T>(xs: T[]) => (xs.length === 0 ? null : xs);
  return {
    apiVersion: 'v1',
    clusters: list(
      [...clusters].sort(byName).map((c) => ({
        cluster: prune({
          'certificate-authority-data': data(c.certificateAuthorityData),
          'insecure-skip-tls-verify': c.insecureSkipTlsVerify || undefined,
          server: c.server,
        }),
        name: c.name,
      })),
    ),
    contexts: list([...contexts].sort(byName).map((c) => ({ context: prune({ cluster: c.cluster, namespace: c.namespace || undefined, user: c.user }), name: c.name }))),
    'current-context': current,
    kind: 'Config',
    preferences: {},
    users: list(
      [...users].sort(byName).map((u) => ({
        name: u.name,
        user: prune({
          'client-certificate-data': data(u.clientCertificateData),
          'client-key-data': data(u.clientKeyData),
          password: secret(u.password),
          token: secret(u.token),
          username: u.username,
        }),
      })),
    ),
  };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function prune(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));
}
