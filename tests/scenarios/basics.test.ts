import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('a fresh default cluster', () => {
  it('has the kubeadm namespaces and local-path-storage, minutes old', async () => {
    const s = await scenario();
    expect(await s.out('kubectl get ns')).toBe(
      [
        'NAME                 STATUS   AGE',
        'default              Active   10m',
        'kube-flannel         Active   10m',
        'kube-node-lease      Active   10m',
        'kube-public          Active   10m',
        'kube-system          Active   10m',
        'local-path-storage   Active   10m',
        '',
      ].join('\n'),
    );
  });

  it('answers unknown resource types and flags as kubectl does', async () => {
    const s = await scenario();
    expect(await s.run('kubectl get foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', status: 1 });
    expect(await s.run('kubectl get pods --bogus')).toEqual({
      stdout: '',
      stderr: "Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
      status: 1,
    });
    expect((await s.run('kubectl gett')).stderr).toBe('Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n');
  });

  it('is deterministic: the same script gives the same output', async () => {
    const script = 'kubectl get ns -o yaml';
    const a = await (await scenario()).out(script);
    const b = await (await scenario()).out(script);
    expect(a).toBe(b);
  });
});
