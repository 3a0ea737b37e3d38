/**
 * Workflow 2: scaling a Deployment up and down. Scaling up adds pods spread over the workers;
 * scaling down deletes by the ReplicaSet controller's ranking (ActivePodsWithRanks in
 * pkg/controller/controller_utils.go): pods on a node that holds more pods of the same
 * ReplicaSet go first, so all three node01 pods are chosen. busybox `sleep` ignores SIGTERM,
 * so the chosen pods stay Terminating for the 30 s grace period before they vanish.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: scale up and down', () => {
  it('adds pods, then deletes the doubled-up ones with a graceful termination', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create deployment web --image=busybox:1.36 --replicas=2 -- sleep 3600
kubectl rollout status deployment/web
kubectl get pods -o wide
kubectl scale deployment web --replicas=5
kubectl get pods -o wide
kubectl rollout status deployment/web
kubectl get rs
kubectl scale deployment web --replicas=2
kubectl get pods -o wide
kubectl get rs
sleep 35
kubectl get pods -o wide
kubectl describe deploy web | grep ScalingReplicaSet`,
      ),
    ).toBe(`$ kubectl create deployment web --image=busybox:1.36 --replicas=2 -- sleep 3600
deployment.apps/web created
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl get pods -o wide
NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-7f5f7d455c-9bjk4   1/1     Running   0          1s    10.244.1.4   node01   <none>           <none>
web-7f5f7d455c-bjxwm   1/1     Running   0          1s    10.244.2.4   node02   <none>           <none>
$ kubectl scale deployment web --replicas=5
deployment.apps/web scaled
$ kubectl get pods -o wide
NAME                   READY   STATUS              RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-7f5f7d455c-9bjk4   1/1     Running             0          1s    10.244.1.4   node01   <none>           <none>
web-7f5f7d455c-bjxwm   1/1     Running             0          1s    10.244.2.4   node02   <none>           <none>
web-7f5f7d455c-jfn5j   0/1     ContainerCreating   0          0s    <none>       node01   <none>           <none>
web-7f5f7d455c-kfh9b   0/1     ContainerCreating   0          0s    <none>       node01   <none>           <none>
web-7f5f7d455c-sftzr   0/1     ContainerCreating   0          0s    <none>       node02   <none>           <none>
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 2 of 5 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-7f5f7d455c   5         5         5       2s
$ kubectl scale deployment web --replicas=2
deployment.apps/web scaled
$ kubectl get pods -o wide
NAME                   READY   STATUS        RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-7f5f7d455c-9bjk4   1/1     Terminating   0          2s    10.244.1.4   node01   <none>           <none>
web-7f5f7d455c-bjxwm   1/1     Running       0          2s    10.244.2.4   node02   <none>           <none>
web-7f5f7d455c-jfn5j   1/1     Terminating   0          1s    10.244.1.6   node01   <none>           <none>
web-7f5f7d455c-kfh9b   1/1     Terminating   0          1s    10.244.1.5   node01   <none>           <none>
web-7f5f7d455c-sftzr   1/1     Running       0          1s    10.244.2.5   node02   <none>           <none>
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-7f5f7d455c   2         2         2       2s
$ sleep 35
$ kubectl get pods -o wide
NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-7f5f7d455c-bjxwm   1/1     Running   0          37s   10.244.2.4   node02   <none>           <none>
web-7f5f7d455c-sftzr   1/1     Running   0          36s   10.244.2.5   node02   <none>           <none>
$ kubectl describe deploy web | grep ScalingReplicaSet
  Normal  ScalingReplicaSet  37s   deployment-controller  Scaled up replica set web-7f5f7d455c from 0 to 2
  Normal  ScalingReplicaSet  36s   deployment-controller  Scaled up replica set web-7f5f7d455c from 2 to 5
  Normal  ScalingReplicaSet  35s   deployment-controller  Scaled down replica set web-7f5f7d455c from 5 to 2
`);
  });
});
