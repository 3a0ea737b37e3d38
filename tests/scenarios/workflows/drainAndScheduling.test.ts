/**
 * Workflow 8: node maintenance and placement. cordon marks the node unschedulable; drain refuses
 * DaemonSet pods until --ignore-daemonsets (and metrics-server, whose emptyDir needs
 * --delete-emptydir-data, as on a cluster that runs it), then evicts the rest (the ReplicaSet recreates them on
 * node02); uncordon reopens the node. A NoSchedule taint keeps pods off node02 unless they tolerate
 * it; a nodeSelector pod without the toleration stays Pending with the scheduler's FitError text,
 * and is scheduled once the taint is removed; a pod asking for 64 CPUs stays Pending with
 * "Insufficient cpu" (preemption finds no victims).
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: drain, taints and scheduling failures', () => {
  it('cordons, drains, uncordons, and explains Pending pods', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create deployment web --image=nginx:1.25 --replicas=4
kubectl rollout status deployment/web
kubectl get pods -o wide
kubectl cordon node01
kubectl get nodes
kubectl drain node01
kubectl drain node01 --ignore-daemonsets --delete-emptydir-data
kubectl get pods -o wide
kubectl get pods -n kube-system -o wide --field-selector spec.nodeName=node01
kubectl uncordon node01
kubectl get nodes
kubectl taint nodes node02 dedicated=gpu:NoSchedule
kubectl describe node node02 | grep Taints
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: gpu-job
spec:
  nodeSelector:
    kubernetes.io/hostname: node02
  tolerations:
  - key: dedicated
    operator: Equal
    value: gpu
    effect: NoSchedule
  containers:
  - name: web
    image: nginx:1.25
---
apiVersion: v1
kind: Pod
metadata:
  name: pinned
spec:
  nodeSelector:
    kubernetes.io/hostname: node02
  containers:
  - name: web
    image: nginx:1.25
---
apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: web
    image: nginx:1.25
    resources:
      requests:
        cpu: "64"
EOF2
sleep 5
kubectl get pods gpu-job pinned big -o wide
kubectl describe pod big | sed -n '/^Events/,$p'
kubectl describe pod pinned | sed -n '/^Events/,$p'
kubectl taint nodes node02 dedicated=gpu:NoSchedule-
sleep 5
kubectl get pods gpu-job pinned big -o wide
kubectl get events --field-selector involvedObject.name=pinned`,
      ),
    ).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=4
deployment.apps/web created
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
$ kubectl cordon node01
node/node01 cordoned
$ kubectl get nodes
NAME           STATUS                     ROLES           AGE   VERSION
controlplane   Ready                      control-plane   10m   v1.32.2
node01         Ready,SchedulingDisabled   <none>          10m   v1.32.2
node02         Ready                      <none>          10m   v1.32.2
$ kubectl drain node01
node/node01 already cordoned
error: unable to drain node "node01" due to error: [cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-flannel/kube-flannel-ds-7cjnz, kube-system/kube-proxy-hntlx, cannot delete Pods with local storage (use --delete-emptydir-data to override): kube-system/metrics-server-775ccfbfd9-7vcbb], continuing command...
There are pending nodes to be drained:
 node01
[cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-flannel/kube-flannel-ds-7cjnz, kube-system/kube-proxy-hntlx, cannot delete Pods with local storage (use --delete-emptydir-data to override): kube-system/metrics-server-775ccfbfd9-7vcbb]
$ kubectl drain node01 --ignore-daemonsets --delete-emptydir-data
node/node01 already cordoned
[33;1mWarning:[0m ignoring DaemonSet-managed Pods: kube-flannel/kube-flannel-ds-7cjnz, kube-system/kube-proxy-hntlx
evicting pod default/web-7d4bcbbf5b-9bjk4
evicting pod default/web-7d4bcbbf5b-zsmxc
evicting pod kube-system/coredns-fdcb9cd49-7swgj
evicting pod kube-system/metrics-server-775ccfbfd9-7vcbb
pod/web-7d4bcbbf5b-9bjk4 evicted
pod/web-7d4bcbbf5b-zsmxc evicted
pod/coredns-fdcb9cd49-7swgj evicted
pod/metrics-server-775ccfbfd9-7vcbb evicted
node/node01 drained
$ kubectl get pods -o wide
NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
web-7d4bcbbf5b-bjxwm   1/1     Running   0          6s    10.244.2.4   node02   <none>           <none>
web-7d4bcbbf5b-rcmhj   1/1     Running   0          1s    10.244.2.8   node02   <none>           <none>
web-7d4bcbbf5b-sfpmc   1/1     Running   0          1s    10.244.2.7   node02   <none>           <none>
web-7d4bcbbf5b-xs886   1/1     Running   0          6s    10.244.2.5   node02   <none>           <none>
$ kubectl get pods -n kube-system -o wide --field-selector spec.nodeName=node01
NAME               READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
kube-proxy-hntlx   1/1     Running   0          10m   172.30.2.2   node01   <none>           <none>
$ kubectl uncordon node01
node/node01 uncordoned
$ kubectl get nodes
NAME           STATUS   ROLES           AGE   VERSION
controlplane   Ready    control-plane   10m   v1.32.2
node01         Ready    <none>          10m   v1.32.2
node02         Ready    <none>          10m   v1.32.2
$ kubectl taint nodes node02 dedicated=gpu:NoSchedule
node/node02 tainted
$ kubectl describe node node02 | grep Taints
Taints:             dedicated=gpu:NoSchedule
$ kubectl apply -f - <<EOF2
pod/gpu-job created
pod/pinned created
pod/big created
$ sleep 5
$ kubectl get pods gpu-job pinned big -o wide
NAME      READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES
gpu-job   1/1     Running   0          5s    10.244.2.9   node02   <none>           <none>
pinned    0/1     Pending   0          5s    <none>       <none>   <none>           <none>
big       0/1     Pending   0          5s    <none>       <none>   <none>           <none>
$ kubectl describe pod big | sed -n '/^Events/,$p'
Events:
  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  5s    default-scheduler  0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..
$ kubectl describe pod pinned | sed -n '/^Events/,$p'
Events:
  Type     Reason            Age   From               Message
  ----     ------            ----  ----               -------
  Warning  FailedScheduling  5s    default-scheduler  0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..
$ kubectl taint nodes node02 dedicated=gpu:NoSchedule-
node/node02 untainted
$ sleep 5
$ kubectl get pods gpu-job pinned big -o wide
NAME      READY   STATUS    RESTARTS   AGE   IP            NODE     NOMINATED NODE   READINESS GATES
gpu-job   1/1     Running   0          10s   10.244.2.9    node02   <none>           <none>
pinned    1/1     Running   0          10s   10.244.2.10   node02   <none>           <none>
big       0/1     Pending   0          10s   <none>        <none>   <none>           <none>
$ kubectl get events --field-selector involvedObject.name=pinned
LAST SEEN   TYPE      REASON             OBJECT       MESSAGE
10s         Warning   FailedScheduling   pod/pinned   0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..
5s          Normal    Scheduled          pod/pinned   Successfully assigned default/pinned to node02
4s          Normal    Pulled             pod/pinned   Container image "nginx:1.25" already present on machine
4s          Normal    Created            pod/pinned   Created container: web
4s          Normal    Started            pod/pinned   Started container web
`);
  });
});
