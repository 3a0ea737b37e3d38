/**
 * Property: random kubectl argument vectors, built from real verbs, resource words, flags
 * and junk, never make TerminalSession.run throw or hang, never leak a JavaScript error
 * into the output, always exit with a status in 0..255, and never corrupt the cluster
 * (`kubectl get ns` still works and the control-plane pods are still there).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCluster, freshSession, leakedFailure, runBounded } from './terminal.ts';

const VERBS = [
  'get', 'describe', 'create', 'apply', 'delete', 'run', 'expose', 'scale', 'rollout', 'rollout status', 'rollout undo',
  'rollout history', 'rollout restart', 'set image', 'set env', 'set resources', 'label', 'annotate', 'patch', 'logs', 'exec',
  'wait', 'events', 'top pod', 'explain', 'api-resources', 'api-versions', 'cluster-info', 'config view', 'config get-contexts',
  'auth can-i', 'cordon', 'uncordon', 'taint', 'drain', 'create deployment', 'create service clusterip', 'create configmap',
  'create secret generic', 'create job', 'create namespace', 'create role', 'create ingress', 'port-forward', 'cp', 'edit',
  'replace', 'version', 'help', 'options', 'certificate', 'plugin list', 'nosuchverb',
];
const RESOURCES = [
  'pods', 'pod', 'po', 'deploy', 'deployment.apps', 'svc', 'services', 'ns', 'nodes', 'node/node01', 'rs', 'ds', 'cm', 'secret',
  'events', 'all', 'pods,svc', 'deploy/coredns', 'pod/web', 'ingress', 'jobs', 'cronjobs', 'pvc', 'sa', 'roles', 'crd', 'foo', 'pods.',
];
const NAMES = ['web', 'coredns', 'node01', 'controlplane', 'x', 'a-b', 'Web_1', '', '*', '-', '--', 'nginx=nginx:1.27', 'a=b', 'a-', 'k=v:NoSchedule'];
const FLAGS = [
  '-n', '-n default', '-n kube-system', '--namespace=dev', '-A', '-o yaml', '-o json', '-o name', '-o wide', '-o', "-o jsonpath='{.items[*].metadata.name}'",
  '-o jsonpath={', '-o custom-columns=N:.metadata.name', '-o go-template={{.kind}}', '-l app=web', '-l', '--selector=!x', '--field-selector=status.phase=Running',
  '--image=nginx', '--image=', '--replicas=3', '--replicas=-1', '--replicas=x', '--port=80', '--dry-run=client', '--dry-run=server', '--dry-run',
  '--all', '--force', '--grace-period=0', '--timeout=1s', '--timeout=0', '--for=condition=Ready', '--for=delete', '--to-revision=1', '-c', '--tail=1',
  '--sort-by=.metadata.name', '--show-labels', '-L app', '--overwrite', '--local', '-f', '-f files/x.yaml', '-f -', '-h', '--help', '--bogus', '-z',
  '-it', '--', '--type=merge', '-p {}', "-p '{\"spec\":{\"replicas\":2}}'", '--recursive', '--cascade=orphan', '--context=nope', '-v=9', '--request-timeout=1s',
];

const junk = fc.string({ maxLength: 8 }).map((s) => s.replace(/[\n\r]/g, ' '));
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RESOURCES) },
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 4, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 1, arbitrary: junk.map(quote) },
);
/** A line is `kubectl VERB TOKENS...`, tokens already shell-safe (flags carry their own quoting). */
const kubectlLine = fc
  .tuple(fc.constantFrom(...VERBS), fc.array(token, { maxLength: 6 }))
  .map(([verb, rest]) => ['kubectl', verb, ...rest].join(' '));

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

describe('random kubectl argument vectors', () => {
  it('never throw, hang, leak JavaScript errors or corrupt the cluster', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(kubectlLine, { minLength: 1, maxLength: 4 }), async (lines) => {
        const s = await freshSession();
        for (const line of lines) {
          const r = await runBounded(s, line);
          expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255, `exit status of ${line}`).toBe(true);
          expect(leakedFailure(r), `output of ${line}`).toBeUndefined();
        }
        expect(await checkCluster(s, lines)).toBeUndefined();
      }),
      { numRuns: 45, seed: Number(process.env.KP_PROPERTY_SEED ?? 20241122), endOnFailure: true },
    );
  }, 120_000);
});
