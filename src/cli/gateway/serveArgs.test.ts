import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYAML } from 'yaml';
import { parseServeArgs } from '../serve.ts';
import { kubeconfigFor } from './kubeconfig.ts';

describe('kubeplay serve arguments', () => {
  it('defaults to port 6443 and ./kubeconfig.kubeplay', () => {
    expect(parseServeArgs([])).toEqual({ port: 6443, kubeconfig: resolve('kubeconfig.kubeplay') });
  });

  it('reads --port and --kubeconfig, with or without =', () => {
    expect(parseServeArgs(['--port', '0', '--kubeconfig=/tmp/k'])).toEqual({ port: 0, kubeconfig: '/tmp/k' });
    expect(parseServeArgs(['--port=7000'])).toMatchObject({ port: 7000 });
  });

  it('rejects bad ports and unknown arguments with the usage', () => {
    expect(parseServeArgs(['--port', 'x'])).toBe('kubeplay serve: invalid --port "x"\nUsage: kubeplay serve [--port N] [--kubeconfig PATH]\n');
    expect(parseServeArgs(['--tls'])).toMatch(/^kubeplay serve: unknown argument "--tls"\n/);
  });
});

describe('kubeconfigFor', () => {
  it('writes kubeadm admin.conf names pointing at the gateway, without credentials', () => {
    const cfg = parseYAML(kubeconfigFor('http://127.0.0.1:6443')) as Record<string, unknown>;
    expect(cfg).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ cluster: { server: 'http://127.0.0.1:6443' }, name: 'kubernetes' }],
      contexts: [{ context: { cluster: 'kubernetes', user: 'kubernetes-admin' }, name: 'kubernetes-admin@kubernetes' }],
      'current-context': 'kubernetes-admin@kubernetes',
      preferences: {},
      users: [{ name: 'kubernetes-admin', user: {} }],
    });
  });
});
