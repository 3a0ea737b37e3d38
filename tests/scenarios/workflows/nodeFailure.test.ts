/**
 * Workflow 7: a worker node fails. Its kubelet stops posting status and renewing its Lease; after
 * the node-monitor grace period (40 s) the node lifecycle controller sets the conditions Unknown,
 * adds the unreachable NoSchedule/NoExecute taints, marks its pods not Ready (they leave the
 * Endpoints) and records NodeNotReady events. Pods tolerate unreachable:NoExecute for 300 s
 * (DefaultTolerationSeconds admission), then the taint eviction controller deletes them
 * (TaintManagerEviction) and the ReplicaSet recreates them on node02; the old ones stay Terminating
 * until the kubelet comes back and finishes them.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

/** KubeletControl is what the node layer registers as `kubelet/<node>` (src/core/node/install.ts). */
interface KubeletControl {
  stop(): void;
  start(): void;
}

describe('workflow: a node goes NotReady', () => {
  it('taints the node, evicts its pods after 300 s and recovers when the kubelet starts again', async () => {
    const s = await scenario();
    const kubelet = s.cluster.services.get('kubelet/node01') as KubeletControl;
    expect(
      await transcript(
        s,
        `kubectl create deployment web --image=nginx:1.25 --replicas=4
kubectl expose deployment web --port=80
kubectl rollout status deployment/web
kubectl get pods -o wide`,
      ),
    ).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=4
deployment.apps/web created
$ kubectl expose deployment web --port=80
service/web exposed
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 4 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 4 updated replicas are available...
Waiting for deployment "web" rollout to finish: 2 of 4 updated replicas are available...
Waiting for deployment "web" rollout to finish: 3 of 4 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl get pods -o wide
NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-7d4bcbbf5b-9bjk4   1/1     Running   0          5s    10.244.1.4   node01   <none>           <none>
web-7d4bcbbf5b-bjxwm   1/1     Running   0          5s    10.244.2.4   node02   <none>           <none>
web-7d4bcbbf5b-xs886   1/1     Running   0          5s    10.244.2.5   node02   <none>           <none>
web-7d4bcbbf5b-zsmxc   1/1     Running   0          5s    10.244.1.5   node01   <none>           <none>
`);

    kubelet.stop();
    expect(
      await transcript(
        s,
        `sleep 30
kubectl get nodes
sleep 15
kubectl get nodes
kubectl get node node01 -o jsonpath='{range .spec.taints[*]}{.key}:{.effect}{"\\n"}{end}'
kubectl describe node node01 | grep -A4 '^Conditions'
kubectl get pods -o wide
kubectl get pods -o jsonpath='{range .items[*]}{.spec.nodeName} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'
kubectl get endpoints web
kubectl get events --field-selector reason=NodeNotReady
sleep 300
kubectl get pods -o wide
kubectl get events --field-selector reason=TaintManagerEviction
kubectl get deploy web`,
      ),
    ).toBe(`$ sleep 30
$ kubectl get nodes
NAME           STATUS   ROLES           AGE   VERSION
controlplane   Ready    control-plane   10m   v1.32.2
node01         Ready    <none>          10m   v1.32.2
node02         Ready    <none>          10m   v1.32.2
$ sleep 15
$ kubectl get nodes
NAME           STATUS     ROLES           AGE   VERSION
controlplane   Ready      control-plane   10m   v1.32.2
node01         NotReady   <none>          10m   v1.32.2
node02         Ready      <none>          10m   v1.32.2
$ kubectl get node node01 -o jsonpath='{range .spec.taints[*]}{.key}:{.effect}{"\\n"}{end}'
node.kubernetes.io/unreachable:NoSchedule
node.kubernetes.io/unreachable:NoExecute
$ kubectl describe node node01 | grep -A4 '^Conditions'
Conditions:
  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
  ----             ------    -----------------                 ------------------                ------              -------
  MemoryPressure   Unknown   Thu, 15 Jan 2026 09:05:10 +0000   Thu, 15 Jan 2026 09:10:40 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  DiskPressure     Unknown   Thu, 15 Jan 2026 09:05:10 +0000   Thu, 15 Jan 2026 09:10:40 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
$ kubectl get pods -o wide
NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-7d4bcbbf5b-9bjk4   1/1     Running   0          50s   10.244.1.4   node01   <none>           <none>
web-7d4bcbbf5b-bjxwm   1/1     Running   0          50s   10.244.2.4   node02   <none>           <none>
web-7d4bcbbf5b-xs886   1/1     Running   0          50s   10.244.2.5   node02   <none>           <none>
web-7d4bcbbf5b-zsmxc   1/1     Running   0          50s   10.244.1.5   node01   <none>           <none>
$ kubectl get pods -o jsonpath='{range .items[*]}{.spec.nodeName} {.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'
node01 False
node02 True
node02 True
node01 False
$ kubectl get endpoints web
NAME   ENDPOINTS                     AGE
web    10.244.2.4:80,10.244.2.5:80   50s
$ kubectl get events --field-selector reason=NodeNotReady
LAST SEEN   TYPE      REASON         OBJECT                     MESSAGE
10s         Normal    NodeNotReady   node/node01                Node node01 status is now: NodeNotReady
10s         Warning   NodeNotReady   pod/web-7d4bcbbf5b-9bjk4   Node is not ready
10s         Warning   NodeNotReady   pod/web-7d4bcbbf5b-zsmxc   Node is not ready
$ sleep 300
$ kubectl get pods -o wide
NAME                   READY   STATUS        RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
web-7d4bcbbf5b-9bjk4   1/1     Terminating   0          5m50s   10.244.1.4   node01   <none>           <none>
web-7d4bcbbf5b-bjxwm   1/1     Running       0          5m50s   10.244.2.4   node02   <none>           <none>
web-7d4bcbbf5b-gwhrm   1/1     Running       0          10s     10.244.2.8   node02   <none>           <none>
web-7d4bcbbf5b-m2trw   1/1     Running       0          10s     10.244.2.7   node02   <none>           <none>
web-7d4bcbbf5b-xs886   1/1     Running       0          5m50s   10.244.2.5   node02   <none>           <none>
web-7d4bcbbf5b-zsmxc   1/1     Terminating   0          5m50s   10.244.1.5   node01   <none>           <none>
$ kubectl get events --field-selector reason=TaintManagerEviction
LAST SEEN   TYPE     REASON                 OBJECT                     MESSAGE
10s         Normal   TaintManagerEviction   pod/web-7d4bcbbf5b-9bjk4   Marking for deletion Pod default/web-7d4bcbbf5b-9bjk4
10s         Normal   TaintManagerEviction   pod/web-7d4bcbbf5b-zsmxc   Marking for deletion Pod default/web-7d4bcbbf5b-zsmxc
$ kubectl get deploy web
NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    4/4     4            4           5m50s
`);

    kubelet.start();
    expect(
      await transcript(
        s,
        `sleep 20
kubectl get nodes
kubectl get node node01 -o jsonpath='{.spec.taints}{"\\n"}'
kubectl get pods -o wide`,
      ),
    ).toBe(`$ sleep 20
$ kubectl get nodes
NAME           STATUS   ROLES           AGE   VERSION
controlplane   Ready    control-plane   16m   v1.32.2
node01         Ready    <none>          16m   v1.32.2
node02         Ready    <none>          16m   v1.32.2
$ kubectl get node node01 -o jsonpath='{.spec.taints}{"\\n"}'

$ kubectl get pods -o wide
NAME                   READY   STATUS    RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES
web-7d4bcbbf5b-bjxwm   1/1     Running   0          6m10s   10.244.2.4   node02   <none>           <none>
web-7d4bcbbf5b-gwhrm   1/1     Running   0          30s     10.244.2.8   node02   <none>           <none>
web-7d4bcbbf5b-m2trw   1/1     Running   0          30s     10.244.2.7   node02   <none>           <none>
web-7d4bcbbf5b-xs886   1/1     Running   0          6m10s   10.244.2.5   node02   <none>           <none>
`);
  });
});
