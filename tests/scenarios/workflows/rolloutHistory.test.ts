/**
 * Workflow 4: the rollout verbs on one Deployment. The change-cause annotation is copied to each
 * new ReplicaSet (so revision 3 inherits "image 1.26", as on a real cluster); `undo --to-revision`
 * replaces the template and the annotations with the old ReplicaSet's (kubectl's
 * DeploymentRollbacker JSON patch), so the cause disappears; a reused ReplicaSet takes a new revision
 * number; a paused Deployment does not roll until it is resumed; restart adds restartedAt.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

describe('workflow: rollout history, undo, pause and restart', () => {
  it('records revisions, rolls back, pauses, resumes and restarts', async () => {
    const s = await scenario();
    expect(
      await transcript(
        s,
        `kubectl create deployment web --image=nginx:1.25 --replicas=2
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.26
kubectl annotate deployment/web kubernetes.io/change-cause="image 1.26"
kubectl rollout status deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl rollout history deployment/web --revision=2
kubectl rollout undo deployment/web --to-revision=1
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl get deploy web -o wide
kubectl rollout undo deployment/web --dry-run=server
kubectl rollout pause deployment/web
kubectl set image deployment/web nginx=nginx:1.27
kubectl get rs
kubectl rollout status deployment/web --timeout=3s
kubectl rollout resume deployment/web
kubectl rollout status deployment/web
kubectl get rs
kubectl rollout restart deployment/web
kubectl rollout status deployment/web
kubectl rollout history deployment/web
kubectl get rs`,
      ),
    ).toBe(`$ kubectl create deployment web --image=nginx:1.25 --replicas=2
deployment.apps/web created
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...
Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl set image deployment/web nginx=nginx:1.26
deployment.apps/web image updated
$ kubectl annotate deployment/web kubernetes.io/change-cause="image 1.26"
deployment.apps/web annotated
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl set image deployment/web nginx=nginx:1.27
deployment.apps/web image updated
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl rollout history deployment/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         image 1.26
3         image 1.26

$ kubectl rollout history deployment/web --revision=2
deployment.apps/web with revision #2
Pod Template:
  Labels:	app=web
	pod-template-hash=f46497585
  Annotations:	kubernetes.io/change-cause: image 1.26
  Containers:
   nginx:
    Image:	nginx:1.26
    Port:	<none>
    Host Port:	<none>
    Environment:	<none>
    Mounts:	<none>
  Volumes:	<none>
  Node-Selectors:	<none>
  Tolerations:	<none>

$ kubectl rollout undo deployment/web --to-revision=1
deployment.apps/web rolled back
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl rollout history deployment/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
2         image 1.26
3         image 1.26
4         <none>

$ kubectl get deploy web -o wide
NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
web    2/2     2            2           18s   nginx        nginx:1.25   app=web
$ kubectl rollout undo deployment/web --dry-run=server
deployment.apps/web rolled back (server dry run)
$ kubectl rollout pause deployment/web
deployment.apps/web paused
$ kubectl set image deployment/web nginx=nginx:1.27
deployment.apps/web image updated
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-5c94f75b5d   0         0         0       8s
web-7d4bcbbf5b   2         2         2       18s
web-f46497585    0         0         0       15s
$ kubectl rollout status deployment/web --timeout=3s
Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...
error: timed out waiting for the condition
$ kubectl rollout resume deployment/web
deployment.apps/web resumed
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-5c94f75b5d   2         2         2       13s
web-7d4bcbbf5b   0         0         0       23s
web-f46497585    0         0         0       20s
$ kubectl rollout restart deployment/web
deployment.apps/web restarted
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl rollout history deployment/web
deployment.apps/web 
REVISION  CHANGE-CAUSE
2         image 1.26
4         <none>
5         image 1.26
6         <none>

$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-5c6bf489c4   2         2         2       2s
web-5c94f75b5d   0         0         0       15s
web-7d4bcbbf5b   0         0         0       25s
web-f46497585    0         0         0       22s
`);
  });
});
