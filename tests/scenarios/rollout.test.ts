import { describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './harness.ts';

async function deployed(replicas = 3): Promise<Scenario> {
  const s = await scenario();
  await s.run(`kubectl create deployment web --image=nginx:1.25 --replicas=${replicas}`);
  return s;
}

describe('kubectl rollout', () => {
  it('status follows a new deployment until it is available', async () => {
    const s = await deployed();
    const r = await s.run('kubectl rollout status deployment/web');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[lines.length - 1]).toBe('deployment "web" successfully rolled out');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^Waiting for deployment "web" rollout to finish: \d of 3 updated replicas are available\.\.\.$/);
    expect(await s.out('kubectl rollout status deploy/web --watch=false')).toBe('deployment "web" successfully rolled out\n');
  });

  it('status reports old replicas while an update rolls', async () => {
    const s = await deployed();
    await s.run('kubectl rollout status deployment/web');
    await s.run('kubectl set image deployment/web nginx=nginx:1.26');
    const out = await s.out('kubectl rollout status deployment/web --timeout=5m');
    expect(out).toContain('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(out).toContain('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    expect(out.endsWith('deployment "web" successfully rolled out\n')).toBe(true);
  });

  it('status times out like kubectl', async () => {
    const s = await deployed();
    expect(await s.run('kubectl rollout status deployment/web --timeout=1s')).toMatchObject({
      stderr: 'error: timed out waiting for the condition\n',
      status: 1,
    });
    expect(await s.out('kubectl rollout status pod/x')).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(await s.out('kubectl rollout status')).toBe('error: required resource not specified\n');
  });

  it('history, undo, pause, resume and restart', async () => {
    const s = await deployed();
    await s.run('kubectl rollout status deployment/web');
    expect(await s.out('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    expect(await s.out('kubectl rollout undo deployment/web')).toBe('error: no rollout history found for deployment "web"\n');
    await s.run('kubectl set image deployment/web nginx=nginx:1.26');
    await s.run('kubectl rollout status deployment/web');
    expect(await s.out('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    const rev1 = await s.out('kubectl rollout history deployment/web --revision=1');
    expect(rev1).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=[a-z0-9]+\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx:1\.25\n/);
    expect(await s.out('kubectl rollout history deployment/web --revision=9')).toBe('error: unable to find the specified revision\n');
    expect(await s.out('kubectl rollout undo deployment/web --to-revision=7')).toBe('error: unable to find specified revision 7 in history\n');
    expect(await s.out('kubectl rollout undo deployment/web')).toBe('deployment.apps/web rolled back\n');
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'")).toBe('nginx:1.25');
    await s.run('kubectl rollout status deployment/web');
    expect(await s.out('kubectl rollout history deployment/web')).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');

    expect(await s.out('kubectl rollout pause deployment/web')).toBe('deployment.apps/web paused\n');
    expect(await s.out('kubectl rollout pause deployment/web')).toBe('error: deployments.apps "web" is already paused\n');
    expect(await s.out('kubectl rollout undo deployment/web')).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect(await s.out('kubectl rollout resume deployment/web')).toBe('deployment.apps/web resumed\n');
    expect(await s.out('kubectl rollout resume deployment/web')).toBe('error: deployments.apps "web" is not paused\n');
    expect(await s.out('kubectl rollout restart deployment/web')).toBe('deployment.apps/web restarted\n');
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}'")).toMatch(
      /^\{"kubectl\.kubernetes\.io\/restartedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\}$/,
    );
  });
});

describe('kubectl rollout on a DaemonSet', () => {
  it('restarts kube-proxy and follows it to the end', async () => {
    const s = await scenario();
    expect(await s.out('kubectl rollout status ds/kube-proxy -n kube-system')).toBe('daemon set "kube-proxy" successfully rolled out\n');
    expect(await s.out('kubectl rollout restart ds/kube-proxy -n kube-system')).toBe('daemonset.apps/kube-proxy restarted\n');
    const out = await s.out('kubectl rollout status ds/kube-proxy -n kube-system');
    expect(out).toContain('Waiting for daemon set "kube-proxy" rollout to finish: 1 out of 3 new pods have been updated...\n');
    expect(out.endsWith('daemon set "kube-proxy" successfully rolled out\n')).toBe(true);
  });
});

describe('kubectl scale', () => {
  it('scales through the scale subresource', async () => {
    const s = await deployed(1);
    expect(await s.out('kubectl scale deployment web --replicas=3')).toBe('deployment.apps/web scaled\n');
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).toBe('3');
    expect(await s.out('kubectl scale deploy/web --replicas=2 --current-replicas=5')).toBe('error: Expected replicas to be 5, was 3\n');
    expect(await s.out('kubectl scale deploy/web --replicas=2 --current-replicas=3')).toBe('deployment.apps/web scaled\n');
    expect(await s.out('kubectl scale deploy/web --replicas=5 --dry-run=client')).toBe('deployment.apps/web scaled (dry run)\n');
    expect(await s.out("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).toBe('2');
    expect(await s.out('kubectl scale deploy/web --replicas=-1')).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    expect(await s.out('kubectl scale deploy/web')).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"replicas\\" not set"\n$/);
    expect(await s.out('kubectl scale deploy/nope --replicas=1')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(await s.out('kubectl scale deploy -l app=web --replicas=1')).toBe('deployment.apps/web scaled\n');
  });
});

describe('kubectl wait', () => {
  it('waits for conditions, jsonpath values, creation and deletion', async () => {
    const s = await deployed(2);
    expect(await s.run('kubectl wait --for=condition=Available deployment/web --timeout=60s')).toEqual({
      stdout: 'deployment.apps/web condition met\n',
      stderr: '',
      status: 0,
    });
    const pods = (await s.run('kubectl get pods -o name')).stdout.trim().split('\n');
    expect(await s.out('kubectl wait --for=condition=Ready pod -l app=web')).toBe(pods.map((p) => `${p} condition met\n`).join(''));
    expect(await s.out("kubectl wait --for=jsonpath='{.status.phase}'=Running pod --all")).toBe(pods.map((p) => `${p} condition met\n`).join(''));
    expect(await s.out(`kubectl wait --for=condition=Ready=false ${pods[0]} --timeout=5s`)).toBe(
      `error: timed out waiting for the condition on pods/${pods[0].slice(4)}\n`,
    );
    expect(await s.out('kubectl wait --for=create pod/later --timeout=3s')).toBe('error: timed out waiting for the condition on pods/later\n');
    expect(await s.run('kubectl wait --for=delete pod/nothere')).toEqual({ stdout: '', stderr: '', status: 0 });
    await s.run('kubectl run b --image=busybox -- sleep 3600');
    await s.run('kubectl wait --for=condition=Ready pod/b');
    await s.run('kubectl delete pod b --wait=false');
    // busybox ignores SIGTERM: the pod stays Terminating for its 30s grace period.
    expect(await s.out('kubectl wait --for=delete pod/b --timeout=5s')).toBe('error: timed out waiting for the condition on pods/b\n');
    expect(await s.out('kubectl wait --for=delete pod/b --timeout=60s')).toBe('pod/b condition met\n');
  });

  it('rejects what kubectl rejects', async () => {
    const s = await scenario();
    expect(await s.out('kubectl wait --for=foo pod/x')).toBe('error: unrecognized condition: "foo"\n');
    expect(await s.out('kubectl wait pod/x')).toBe('error: unrecognized condition: ""\n');
    expect(await s.out('kubectl wait --for=condition=Ready pod -l app=none')).toBe('error: no matching resources found\n');
    expect(await s.out('kubectl wait --for=condition=Ready pod/x')).toBe('Error from server (NotFound): pods "x" not found\n');
  });
});
