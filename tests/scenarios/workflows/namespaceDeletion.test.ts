/**
 * Workflow 9: deleting a namespace with workloads in it. The namespace turns Terminating at once
 * (the kubernetes finalizer), new content is forbidden with the NamespaceLifecycle admission text,
 * the namespace controller deletes the content (the busybox pod takes its 30 s grace period) and
 * reports its conditions, and the namespace is gone when the last pod is.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: deleting a namespace', () => {
  it('terminates the content gracefully, forbids new content, then disappears', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create namespace team
kubectl run sleeper --image=busybox:1.36 -n team -- sleep 3600
kubectl create deployment web --image=nginx:1.25 -n team
kubectl create configmap settings -n team --from-literal=mode=dev
kubectl rollout status deployment/web -n team
kubectl get all -n team
kubectl delete namespace team --wait=false
kubectl get ns team
kubectl get pods -n team
kubectl run late --image=nginx -n team
kubectl create configmap more -n team --from-literal=a=b
kubectl get ns team -o jsonpath='{.status.phase}{"\\n"}{range .status.conditions[*]}{.type}={.status}{"\\n"}{end}'
sleep 31
kubectl get ns team
kubectl get pods -n team
kubectl run late --image=nginx -n team
kubectl get ns`,
      ),
    ).toBe(`$ kubectl create namespace team
namespace/team created
$ kubectl run sleeper --image=busybox:1.36 -n team -- sleep 3600
pod/sleeper created
$ kubectl create deployment web --image=nginx:1.25 -n team
deployment.apps/web created
$ kubectl create configmap settings -n team --from-literal=mode=dev
configmap/settings created
$ kubectl rollout status deployment/web -n team
Waiting for deployment "web" rollout to finish: 0 of 1 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl get all -n team
NAME                       READY   STATUS    RESTARTS   AGE
pod/sleeper                1/1     Running   0          3s
pod/web-7d4bcbbf5b-v46fc   1/1     Running   0          3s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   1/1     1            1           3s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-7d4bcbbf5b   1         1         1       3s
$ kubectl delete namespace team --wait=false
namespace "team" deleted
$ kubectl get ns team
NAME   STATUS        AGE
team   Terminating   3s
$ kubectl get pods -n team
NAME                   READY   STATUS        RESTARTS   AGE
sleeper                1/1     Terminating   0          3s
web-7d4bcbbf5b-v46fc   0/1     Completed     0          3s
$ kubectl run late --image=nginx -n team
Error from server (Forbidden): pods "late" is forbidden: unable to create new content in namespace team because it is being terminated
$ kubectl create configmap more -n team --from-literal=a=b
error: failed to create configmap: configmaps "more" is forbidden: unable to create new content in namespace team because it is being terminated
$ kubectl get ns team -o jsonpath='{.status.phase}{"\\n"}{range .status.conditions[*]}{.type}={.status}{"\\n"}{end}'
Terminating
NamespaceDeletionDiscoveryFailure=False
NamespaceDeletionGroupVersionParsingFailure=False
NamespaceDeletionContentFailure=False
NamespaceContentRemaining=True
NamespaceFinalizersRemaining=False
$ sleep 31
$ kubectl get ns team
Error from server (NotFound): namespaces "team" not found
$ kubectl get pods -n team
No resources found in team namespace.
$ kubectl run late --image=nginx -n team
Error from server (NotFound): namespaces "team" not found
$ kubectl get ns
NAME                 STATUS   AGE
default              Active   10m
kube-flannel         Active   10m
kube-node-lease      Active   10m
kube-public          Active   10m
kube-system          Active   10m
local-path-storage   Active   10m
`);
  });
});
