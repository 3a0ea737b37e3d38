/**
 * Workflow: a PodDisruptionBudget protects a Deployment from `kubectl drain`.
 * With minAvailable equal to the replica count the eviction API answers 429 and drain
 * retries every 5 s (pkg/drain evictPods) until --timeout; with minAvailable 1 one pod may
 * go, its replacement starts on the other worker and the node drains. --pod-selector keeps
 * the drain to the web pods so the transcript does not depend on what else runs on node01.
 */
import { describe, expect, it } from 'vitest';
import { scenario, type Scenario } from '../harness.ts';

async function setup(): Promise<{ s: Scenario; pod: string }> {
  const s = await scenario();
  await s.run('kubectl create deployment web --image=nginx --replicas=2');
  await s.run('kubectl rollout status deployment/web');
  const pod = (await s.run('kubectl get pods -l app=web --field-selector spec.nodeName=node01 -o name')).stdout.trim().replace('pod/', '');
  expect(pod).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
  return { s, pod };
}

const DRAIN = 'kubectl drain node01 --ignore-daemonsets --delete-emptydir-data --pod-selector=app=web';

describe('workflow: PodDisruptionBudget and drain', () => {
  it('blocks the drain with the retry messages until --timeout when no disruption is allowed', async () => {
    const { s, pod } = await setup();
    expect(await s.out('kubectl create pdb web --selector=app=web --min-available=2')).toBe('poddisruptionbudget.policy/web created\n');
    expect(await s.out('kubectl get pdb')).toBe(
      'NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n' + 'web    2               N/A               0                     0s\n',
    );
    const retry = `evicting pod default/${pod}\nerror when evicting pods/"${pod}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;
    const timeout = `error when evicting pods/"${pod}" -n "default": global timeout reached: 12s`;
    expect(await s.out(`${DRAIN} --timeout=12s`)).toBe(
      'node/node01 cordoned\n' +
        retry.repeat(3) +
        `evicting pod default/${pod}\n` +
        `There are pending pods in node "node01" when an error occurred: ${timeout}\npod/${pod}\n` +
        `error: unable to drain node "node01" due to error: ${timeout}, continuing command...\n` +
        'There are pending nodes to be drained:\n node01\n' +
        // checkErr prints the aggregated node errors without the "error: " prefix.
        `${timeout}\n`,
    );
    expect(await s.out('echo $?')).toBe('1\n');
    // Nothing was evicted: both pods still run, and the budget still allows nothing.
    expect(await s.out(`kubectl get pod ${pod} -o jsonpath={.status.phase}`)).toBe('Running');
    expect(await s.out('kubectl get pdb web -o jsonpath={.status.disruptionsAllowed}/{.status.currentHealthy}/{.status.desiredHealthy}')).toBe('0/2/2');
    expect(await s.out('kubectl describe pdb web')).toBe(
      [
        'Name:           web',
        'Namespace:      default',
        'Min available:  2',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  0',
        '    Current:              2',
        '    Desired:              2',
        '    Total:                2',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('evicts one pod when minAvailable is 1; the replacement runs on node02', async () => {
    const { s, pod } = await setup();
    await s.run('kubectl create pdb web --selector=app=web --min-available=1');
    expect(await s.out('kubectl get pdb web -o jsonpath={.status.conditions[0].reason}:{.status.disruptionsAllowed}')).toBe('SufficientPods:1');
    const drained = await s.run(`${DRAIN} --timeout=60s`);
    expect(drained).toEqual({
      stdout: `node/node01 cordoned\nevicting pod default/${pod}\npod/${pod} evicted\nnode/node01 drained\n`,
      stderr: '',
      status: 0,
    });
    await s.run('kubectl rollout status deployment/web');
    expect(await s.out("kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.nodeName} {end}'")).toBe('node02 node02 ');
    expect(await s.out('kubectl get pdb web -o jsonpath={.status.currentHealthy}/{.status.disruptionsAllowed}')).toBe('2/1');
  });

  it('refuses bad budgets in the API server words and stores nothing', async () => {
    const s = await scenario();
    const both = await s.run(`kubectl apply -f - <<EOF
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: both
spec:
  minAvailable: 1
  maxUnavailable: 1
  selector:
    matchLabels:
      app: web
EOF`);
    expect(both.status).toBe(1);
    expect(both.stderr).toMatch(
      /^The PodDisruptionBudget "both" is invalid: spec: Invalid value: policy\.PodDisruptionBudgetSpec\{MinAvailable:\(\*intstr\.IntOrString\)\(0x[0-9a-f]+\), .*\}: minAvailable and maxUnavailable cannot be both set\n$/,
    );
    expect(await s.out('kubectl create pdb pct --selector=app=web --max-unavailable=150%')).toBe(
      'error: failed to create poddisruptionbudgets: PodDisruptionBudget.policy "pct" is invalid: spec.maxUnavailable: Invalid value: 150%: must not be greater than 100%\n',
    );
    expect(await s.out('kubectl create pdb web --min-available=1')).toBe(
      'error: a selector must be specified\n',
    );
    expect(await s.out('kubectl get pdb')).toBe('No resources found in default namespace.\n');
  });
});
