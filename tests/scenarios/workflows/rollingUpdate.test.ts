/**
 * Workflow 3: change the image and follow the RollingUpdate step by step. With 4 replicas and the
 * default 25 % / 25 % strategy, maxSurge and maxUnavailable are both 1: the Deployment never runs
 * more than 5 pods' worth of ReplicaSet replicas nor fewer than 3 available ones
 * (pkg/controller/deployment/rolling.go). An in-test watcher checks both bounds on every event
 * while the learner looks at `get rs`, `get rs -w` bounded by --request-timeout, and `timeout`.
 */
import { describe, expect, it } from 'vitest';
import { DEPLOYMENTS, PODS, REPLICASETS } from '../../../src/core/client/client.ts';
import type { KubeObject } from '../../../src/core/api/types.ts';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

interface Counted extends KubeObject {
  spec?: { replicas?: number };
  status?: { availableReplicas?: number; conditions?: Array<{ type: string; status: string }> };
}

describe('workflow: rolling update', () => {
  it('replaces pods within maxSurge and maxUnavailable, observed step by step', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create deployment web --image=nginx:1.25 --replicas=4
kubectl rollout status deployment/web`,
      ),
    ).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=4
deployment.apps/web created
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 4 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 4 updated replicas are available...
Waiting for deployment "web" rollout to finish: 2 of 4 updated replicas are available...
Waiting for deployment "web" rollout to finish: 3 of 4 updated replicas are available...
deployment "web" successfully rolled out
`);

    // Watch the objects themselves: ReplicaSet replicas (surge) and ready pods (availability).
    const client = s.cluster.client('workflow-test');
    const rsReplicas = new Map<string, number>();
    const readyPods = new Set<string>();
    const observed = { maxTotal: 0, minReady: Number.POSITIVE_INFINITY, minAvailable: Number.POSITIVE_INFINITY, events: 0 };
    const rv = (ref: typeof PODS) => client.list(ref, 'default', {}).metadata.resourceVersion;
    const watches = [
      client.watch(REPLICASETS, 'default', { resourceVersion: rv(REPLICASETS) }, (ev) => {
        const rs = ev.object as Counted;
        rsReplicas.set(rs.metadata?.name ?? '', ev.type === 'DELETED' ? 0 : (rs.spec?.replicas ?? 0));
        observed.maxTotal = Math.max(observed.maxTotal, [...rsReplicas.values()].reduce((a, b) => a + b, 0));
        observed.events++;
      }),
      client.watch(PODS, 'default', { resourceVersion: rv(PODS) }, (ev) => {
        const pod = ev.object as Counted;
        const name = pod.metadata?.name ?? '';
        const ready = ev.type !== 'DELETED' && !pod.metadata?.deletionTimestamp && !!pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
        if (ready) readyPods.add(name);
        else readyPods.delete(name);
        observed.minReady = Math.min(observed.minReady, readyPods.size);
      }),
      client.watch(DEPLOYMENTS, 'default', { resourceVersion: rv(DEPLOYMENTS) }, (ev) => {
        const d = ev.object as Counted;
        observed.minAvailable = Math.min(observed.minAvailable, d.status?.availableReplicas ?? 0);
      }),
    ];
    for (const pod of client.list(PODS, 'default', {}).items) readyPods.add(pod.metadata?.name ?? '');
    for (const rs of client.list(REPLICASETS, 'default', {}).items) rsReplicas.set(rs.metadata?.name ?? '', (rs as Counted).spec?.replicas ?? 0);

    expect(
      await transcript(
        s,
        `kubectl get deploy web -o jsonpath='{.spec.strategy.rollingUpdate}{"\\n"}'
kubectl set image deployment/web nginx=nginx:1.26
kubectl get rs
kubectl get pods
sleep 2
kubectl get rs
kubectl get rs -w --request-timeout=6s
kubectl get pods
timeout 5 kubectl get pods -w
kubectl rollout status deployment/web
kubectl get rs -o wide
kubectl describe deploy web | grep ScalingReplicaSet`,
      ),
    ).toBe(`$ kubectl get deploy web -o jsonpath='{.spec.strategy.rollingUpdate}{"\\n"}'
{"maxSurge":"25%","maxUnavailable":"25%"}
$ kubectl set image deployment/web nginx=nginx:1.26
deployment.apps/web image updated
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-7d4bcbbf5b   3         3         3       5s
web-f46497585    2         2         0       0s
$ kubectl get pods
NAME                   READY   STATUS              RESTARTS   AGE
web-7d4bcbbf5b-9bjk4   1/1     Running             0          5s
web-7d4bcbbf5b-bjxwm   1/1     Running             0          5s
web-7d4bcbbf5b-xs886   0/1     Completed           0          5s
web-7d4bcbbf5b-zsmxc   1/1     Running             0          5s
web-f46497585-fpjhj    0/1     ContainerCreating   0          0s
web-f46497585-hpvs5    0/1     ContainerCreating   0          0s
$ sleep 2
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-7d4bcbbf5b   3         3         3       7s
web-f46497585    2         2         0       2s
$ kubectl get rs -w --request-timeout=6s
NAME             DESIRED   CURRENT   READY   AGE
web-7d4bcbbf5b   3         3         3       7s
web-f46497585    2         2         0       2s
web-f46497585    2         2         1       4s
web-7d4bcbbf5b   2         3         3       9s
web-7d4bcbbf5b   2         3         3       9s
web-f46497585    3         2         1       4s
web-7d4bcbbf5b   2         2         2       9s
web-f46497585    3         2         1       4s
web-f46497585    3         3         1       4s
web-f46497585    3         3         2       4s
web-7d4bcbbf5b   1         2         2       9s
web-7d4bcbbf5b   1         2         2       9s
web-f46497585    4         3         2       4s
web-7d4bcbbf5b   1         1         1       9s
web-f46497585    4         3         2       4s
web-f46497585    4         4         2       4s
web-f46497585    4         4         3       5s
web-7d4bcbbf5b   0         1         1       10s
web-7d4bcbbf5b   0         1         1       10s
web-7d4bcbbf5b   0         0         0       10s
web-f46497585    4         4         4       5s
$ kubectl get pods
NAME                  READY   STATUS    RESTARTS   AGE
web-f46497585-f9v5r   1/1     Running   0          4s
web-f46497585-fpjhj   1/1     Running   0          8s
web-f46497585-hpvs5   1/1     Running   0          8s
web-f46497585-hzwqh   1/1     Running   0          4s
$ timeout 5 kubectl get pods -w
NAME                  READY   STATUS    RESTARTS   AGE
web-f46497585-f9v5r   1/1     Running   0          4s
web-f46497585-fpjhj   1/1     Running   0          8s
web-f46497585-hpvs5   1/1     Running   0          8s
web-f46497585-hzwqh   1/1     Running   0          4s
$ kubectl rollout status deployment/web
deployment "web" successfully rolled out
$ kubectl get rs -o wide
NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR
web-7d4bcbbf5b   0         0         0       18s   nginx        nginx:1.25   app=web,pod-template-hash=7d4bcbbf5b
web-f46497585    4         4         4       13s   nginx        nginx:1.26   app=web,pod-template-hash=f46497585
$ kubectl describe deploy web | grep ScalingReplicaSet
  Normal  ScalingReplicaSet  18s   deployment-controller  Scaled up replica set web-7d4bcbbf5b from 0 to 4
  Normal  ScalingReplicaSet  13s   deployment-controller  Scaled up replica set web-f46497585 from 0 to 1
  Normal  ScalingReplicaSet  13s   deployment-controller  Scaled down replica set web-7d4bcbbf5b from 4 to 3
  Normal  ScalingReplicaSet  13s   deployment-controller  Scaled up replica set web-f46497585 from 1 to 2
  Normal  ScalingReplicaSet  9s    deployment-controller  Scaled down replica set web-7d4bcbbf5b from 3 to 2
  Normal  ScalingReplicaSet  9s    deployment-controller  Scaled up replica set web-f46497585 from 2 to 3
  Normal  ScalingReplicaSet  9s    deployment-controller  Scaled down replica set web-7d4bcbbf5b from 2 to 1
  Normal  ScalingReplicaSet  9s    deployment-controller  Scaled up replica set web-f46497585 from 3 to 4
  Normal  ScalingReplicaSet  8s    deployment-controller  Scaled down replica set web-7d4bcbbf5b from 1 to 0
`);
    for (const w of watches) w.stop();

    expect(observed.events).toBeGreaterThan(10);
    expect(observed.maxTotal).toBe(5); // replicas + maxSurge
    expect(observed.minReady).toBe(3); // replicas - maxUnavailable
    expect(observed.minAvailable).toBe(3);
  });
});
