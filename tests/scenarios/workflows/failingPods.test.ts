/**
 * Workflow 6: the classic broken pods, on one cluster. An unknown image goes ErrImagePull →
 * ImagePullBackOff and back while the kubelet retries (10 s doubling); `kubectl logs` answers with
 * the kubelet's "trying and failing to pull image". A crashing container restarts at once, then
 * after 10 s, 20 s, 40 s (its waiting message names the next back-off, 1m20s), and
 * `logs --previous` shows the last run. A failing readiness probe keeps READY 0/1 and the address in
 * notReadyAddresses; a failing liveness probe kills the container after 3 failures (30 s grace for
 * a shell that ignores SIGTERM) and it restarts.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: failing pods', () => {
  it('shows pull back-off, crash loop back-off, readiness and liveness failures', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl run bad --image=nginx:9.99-nope
sleep 3
kubectl get pod bad
sleep 10
kubectl get pod bad
sleep 60
kubectl get pod bad
kubectl describe pod bad | sed -n '/^Events/,$p'
kubectl logs bad`,
      ),
    ).toBe(`$ kubectl run bad --image=nginx:9.99-nope
pod/bad created
$ sleep 3
$ kubectl get pod bad
NAME   READY   STATUS         RESTARTS   AGE
bad    0/1     ErrImagePull   0          3s
$ sleep 10
$ kubectl get pod bad
NAME   READY   STATUS         RESTARTS   AGE
bad    0/1     ErrImagePull   0          13s
$ sleep 60
$ kubectl get pod bad
NAME   READY   STATUS             RESTARTS   AGE
bad    0/1     ImagePullBackOff   0          73s
$ kubectl describe pod bad | sed -n '/^Events/,$p'
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  73s                default-scheduler  Successfully assigned default/bad to node02
  Normal   Pulling    41s (x3 over 72s)  kubelet            Pulling image "nginx:9.99-nope"
  Warning  Failed     40s (x3 over 72s)  kubelet            Failed to pull image "nginx:9.99-nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99-nope": failed to resolve reference "docker.io/library/nginx:9.99-nope": docker.io/library/nginx:9.99-nope: not found
  Warning  Failed     40s (x3 over 72s)  kubelet            Error: ErrImagePull
  Normal   BackOff    38s (x3 over 69s)  kubelet            Back-off pulling image "nginx:9.99-nope"
  Warning  Failed     38s (x3 over 69s)  kubelet            Error: ImagePullBackOff
$ kubectl logs bad
Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image
`);
    expect(
      await transcript(
        s,
        `kubectl run crash --image=busybox:1.36 -- sh -c 'echo starting; echo boom >&2; exit 1'
sleep 5
kubectl get pod crash
sleep 10
kubectl get pod crash
sleep 25
kubectl get pod crash
sleep 40
kubectl get pod crash
kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].state.waiting.message}{"\\n"}'
kubectl logs crash --previous
kubectl describe pod crash | sed -n '/State:/,/Restart Count/p'
kubectl describe pod crash | sed -n '/^Events/,$p'`,
      ),
    ).toBe(`$ kubectl run crash --image=busybox:1.36 -- sh -c 'echo starting; echo boom >&2; exit 1'
pod/crash created
$ sleep 5
$ kubectl get pod crash
NAME    READY   STATUS             RESTARTS     AGE
crash   0/1     CrashLoopBackOff   1 (3s ago)   5s
$ sleep 10
$ kubectl get pod crash
NAME    READY   STATUS             RESTARTS     AGE
crash   0/1     CrashLoopBackOff   2 (3s ago)   15s
$ sleep 25
$ kubectl get pod crash
NAME    READY   STATUS             RESTARTS     AGE
crash   0/1     CrashLoopBackOff   3 (8s ago)   40s
$ sleep 40
$ kubectl get pod crash
NAME    READY   STATUS             RESTARTS     AGE
crash   0/1     CrashLoopBackOff   4 (8s ago)   80s
$ kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].state.waiting.message}{"\\n"}'
back-off 1m20s restarting failed container=crash pod=crash_default(c710ed91-911d-40a8-bfe9-2723fad9ba61)
$ kubectl logs crash --previous
starting
boom
$ kubectl describe pod crash | sed -n '/State:/,/Restart Count/p'
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Thu, 15 Jan 2026 09:12:25 +0000
      Finished:     Thu, 15 Jan 2026 09:12:25 +0000
    Ready:          False
    Restart Count:  4
$ kubectl describe pod crash | sed -n '/^Events/,$p'
Events:
  Type     Reason     Age               From               Message
  ----     ------     ----              ----               -------
  Normal   Scheduled  80s               default-scheduler  Successfully assigned default/crash to node01
  Normal   Pulling    79s               kubelet            Pulling image "busybox:1.36"
  Normal   Pulled     79s               kubelet            Successfully pulled image "busybox:1.36" in 474ms (474ms including waiting). Image size: 2160000 bytes.
  Normal   Created    8s (x5 over 79s)  kubelet            Created container: crash
  Normal   Started    8s (x5 over 79s)  kubelet            Started container crash
  Normal   Pulled     8s (x4 over 79s)  kubelet            Container image "busybox:1.36" already present on machine
  Warning  BackOff    8s (x4 over 78s)  kubelet            Back-off restarting failed container crash in pod crash_default(c710ed91-911d-40a8-bfe9-2723fad9ba61)
`);
    expect(
      await transcript(
        s,
        `kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: notready
  labels:
    app: nr
spec:
  containers:
  - name: web
    image: nginx:1.25
    readinessProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 5
---
apiVersion: v1
kind: Service
metadata:
  name: nr
spec:
  selector:
    app: nr
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: live
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
EOF2
sleep 20
kubectl get pods notready live
kubectl get endpoints nr
kubectl get endpoints nr -o jsonpath='{.subsets[0].notReadyAddresses[0].ip}{"\\n"}'
kubectl get endpointslices -l kubernetes.io/service-name=nr -o jsonpath='{.items[0].endpoints[0].conditions}{"\\n"}'
kubectl describe pod notready | sed -n '/^Events/,$p'
sleep 60
kubectl get pods notready live
kubectl describe pod live | sed -n '/^Events/,$p'`,
      ),
    ).toBe(`$ kubectl apply -f - <<EOF2
pod/notready created
service/nr created
pod/live created
$ sleep 20
$ kubectl get pods notready live
NAME       READY   STATUS    RESTARTS   AGE
notready   0/1     Running   0          20s
live       1/1     Running   0          20s
$ kubectl get endpoints nr
NAME   ENDPOINTS   AGE
nr                 20s
$ kubectl get endpoints nr -o jsonpath='{.subsets[0].notReadyAddresses[0].ip}{"\\n"}'
10.244.2.5
$ kubectl get endpointslices -l kubernetes.io/service-name=nr -o jsonpath='{.items[0].endpoints[0].conditions}{"\\n"}'
{"ready":false,"serving":false,"terminating":false}
$ kubectl describe pod notready | sed -n '/^Events/,$p'
Events:
  Type     Reason     Age               From               Message
  ----     ------     ----              ----               -------
  Normal   Scheduled  20s               default-scheduler  Successfully assigned default/notready to node02
  Normal   Pulling    19s               kubelet            Pulling image "nginx:1.25"
  Normal   Pulled     17s               kubelet            Successfully pulled image "nginx:1.25" in 2.289s (2.289s including waiting). Image size: 72950530 bytes.
  Normal   Created    17s               kubelet            Created container: web
  Normal   Started    17s               kubelet            Started container web
  Warning  Unhealthy  2s (x4 over 17s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 404
$ sleep 60
$ kubectl get pods notready live
NAME       READY   STATUS    RESTARTS     AGE
notready   0/1     Running   0            80s
live       1/1     Running   1 (4s ago)   80s
$ kubectl describe pod live | sed -n '/^Events/,$p'
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  80s                default-scheduler  Successfully assigned default/live to node01
  Warning  Unhealthy  34s (x3 over 44s)  kubelet            Liveness probe failed: cat: /tmp/healthy: No such file or directory
  Normal   Killing    34s                kubelet            Container app failed liveness probe, will be restarted
  Normal   Pulled     4s (x2 over 79s)   kubelet            Container image "busybox:1.36" already present on machine
  Normal   Created    4s (x2 over 79s)   kubelet            Created container: app
  Normal   Started    4s (x2 over 79s)   kubelet            Started container app
`);
  });
});
