import { describe, expect, it } from 'vitest';
import { scenario } from '../../tests/scenarios/harness.ts';

async function completions(line: string, setup: string[] = []): Promise<string[]> {
  const s = await scenario();
  for (const l of setup) await s.run(l);
  return s.session.shell.complete(line, line.length).candidates;
}

describe('kubectl tab completion', () => {
  it('completes commands and subcommands', async () => {
    expect(await completions('kubectl cor')).toEqual(['cordon']);
    expect(await completions('k config use')).toEqual(['use-context']);
    expect(await completions('kubectl rollout st')).toEqual(['status']);
  });

  it('completes resource types, then object names in the -n namespace', async () => {
    expect(await completions('kubectl get depl')).toEqual(['deployments']);
    expect(await completions('kubectl get pods,svc,no')).toEqual(['pods,svc,nodes']);
    expect(await completions('kubectl get pods -n kube-system etcd')).toEqual(['etcd-controlplane']);
    expect(await completions('kubectl -n kube-system describe pod/kube-sch')).toEqual(['pod/kube-scheduler-controlplane']);
  });

  it('completes flags, -o values, namespaces, nodes and containers', async () => {
    expect(await completions('kubectl drain node01 --ignore-d')).toEqual(['--ignore-daemonsets']);
    expect(await completions('kubectl get pods -o ya')).toEqual(['yaml']);
    expect(await completions('kubectl get pods --output=js')).toEqual(['--output=json', '--output=jsonpath=', '--output=jsonpath-file=', '--output=jsonpath-as-json=']);
    expect(await completions('kubectl get pods -n kube-')).toEqual(expect.arrayContaining(['kube-node-lease', 'kube-public', 'kube-system']));
    expect(await completions('kubectl cordon node')).toEqual(['node01', 'node02']);
    expect(await completions('kubectl taint no')).toEqual(['nodes', 'node']);
    expect(await completions('kubectl logs -n kube-system etcd-controlplane -c ')).toEqual(['etcd']);
  });
});
