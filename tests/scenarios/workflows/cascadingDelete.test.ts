/**
 * Workflow 5: deleting a Deployment with each propagation policy (garbage collector,
 * pkg/controller/garbagecollector). Background: the Deployment goes at once, its pods turn
 * Terminating (busybox sleep ignores SIGTERM, so 30 s) and vanish. Foreground: the Deployment and
 * its ReplicaSet stay, with the foregroundDeletion finalizer and a deletionTimestamp, until their
 * pods are gone. Orphan: the ReplicaSet and pods stay and lose their ownerReferences.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: cascading deletion', () => {
  it('deletes in the background, in the foreground and orphans dependents', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create deployment web --image=busybox:1.36 --replicas=2 -- sleep 3600
kubectl rollout status deployment/web
kubectl delete deployment web
kubectl get deploy,rs,pods
sleep 31
kubectl get deploy,rs,pods
kubectl create deployment fg --image=busybox:1.36 --replicas=2 -- sleep 3600
kubectl rollout status deployment/fg
kubectl delete deployment fg --cascade=foreground --wait=false
kubectl get deploy fg -o jsonpath='{.metadata.finalizers} {.metadata.deletionTimestamp}{"\\n"}'
kubectl get deploy,rs,pods
kubectl get rs -o jsonpath='{.items[0].metadata.finalizers}{"\\n"}'
sleep 31
kubectl get deploy,rs,pods
kubectl create deployment orph --image=nginx:1.25 --replicas=2
kubectl rollout status deployment/orph
kubectl delete deployment orph --cascade=orphan
kubectl get deploy,rs,pods
kubectl get rs -o jsonpath='{.items[0].metadata.ownerReferences}{"\\n"}'
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\\n"}{end}'
kubectl delete rs --all --cascade=orphan
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}: {.metadata.ownerReferences}{"\\n"}{end}'
kubectl delete pods --all
kubectl get pods`,
      ),
    ).toBe(`$ kubectl create deployment web --image=busybox:1.36 --replicas=2 -- sleep 3600
deployment.apps/web created
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl delete deployment web
deployment.apps "web" deleted
$ kubectl get deploy,rs,pods
NAME                       READY   STATUS        RESTARTS   AGE
pod/web-7f5f7d455c-9bjk4   1/1     Terminating   0          1s
pod/web-7f5f7d455c-bjxwm   1/1     Terminating   0          1s
$ sleep 31
$ kubectl get deploy,rs,pods
No resources found in default namespace.
$ kubectl create deployment fg --image=busybox:1.36 --replicas=2 -- sleep 3600
deployment.apps/fg created
$ kubectl rollout status deployment/fg
Waiting for deployment "fg" rollout to finish: 0 of 2 updated replicas are available...
deployment "fg" successfully rolled out
$ kubectl delete deployment fg --cascade=foreground --wait=false
deployment.apps "fg" deleted
$ kubectl get deploy fg -o jsonpath='{.metadata.finalizers} {.metadata.deletionTimestamp}{"\\n"}'
["foregroundDeletion"] 2026-01-15T09:10:33Z
$ kubectl get deploy,rs,pods
NAME                 READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/fg   0/2     0            0           1s

NAME                            DESIRED   CURRENT   READY   AGE
replicaset.apps/fg-6cf6cdd8fb   2         0         0       1s

NAME                      READY   STATUS        RESTARTS   AGE
pod/fg-6cf6cdd8fb-4w5d5   1/1     Terminating   0          1s
pod/fg-6cf6cdd8fb-mcl6b   1/1     Terminating   0          1s
$ kubectl get rs -o jsonpath='{.items[0].metadata.finalizers}{"\\n"}'
["foregroundDeletion"]
$ sleep 31
$ kubectl get deploy,rs,pods
No resources found in default namespace.
$ kubectl create deployment orph --image=nginx:1.25 --replicas=2
deployment.apps/orph created
$ kubectl rollout status deployment/orph
Waiting for deployment "orph" rollout to finish: 0 of 2 updated replicas are available...
Waiting for deployment "orph" rollout to finish: 1 of 2 updated replicas are available...
deployment "orph" successfully rolled out
$ kubectl delete deployment orph --cascade=orphan
deployment.apps "orph" deleted
$ kubectl get deploy,rs,pods
NAME                              DESIRED   CURRENT   READY   AGE
replicaset.apps/orph-66446449b5   2         2         2       4s

NAME                        READY   STATUS    RESTARTS   AGE
pod/orph-66446449b5-bwzzx   1/1     Running   0          4s
pod/orph-66446449b5-t64s7   1/1     Running   0          4s
$ kubectl get rs -o jsonpath='{.items[0].metadata.ownerReferences}{"\\n"}'

$ kubectl get pods -o jsonpath='{range .items[*]}{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\\n"}{end}'
ReplicaSet/orph-66446449b5
ReplicaSet/orph-66446449b5
$ kubectl delete rs --all --cascade=orphan
replicaset.apps "orph-66446449b5" deleted
$ kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}: {.metadata.ownerReferences}{"\\n"}{end}'
orph-66446449b5-bwzzx: 
orph-66446449b5-t64s7: 
$ kubectl delete pods --all
pod "orph-66446449b5-bwzzx" deleted
pod "orph-66446449b5-t64s7" deleted
$ kubectl get pods
No resources found in default namespace.
`);
  });
});
