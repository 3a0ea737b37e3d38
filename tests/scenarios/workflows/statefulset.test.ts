/**
 * Workflow: the Kubernetes docs' StatefulSet Basics tutorial (tutorials/stateful-application/
 * basic-stateful-set) on the nginx `web` StatefulSet behind the headless Service `nginx`.
 * OrderedReady creates web-0, then web-1 once web-0 is Running and Ready; each pod keeps its
 * name, hostname and claim `www-web-N` across deletion; scaling down removes the highest
 * ordinal first and leaves the claims; a rolling update replaces pods from the highest ordinal
 * down, a partition stages it (a deleted pod below the partition comes back at the current
 * revision); ControllerRevisions number the templates, and a rollback re-uses (and renumbers)
 * the old revision. Bad input is refused in the API server's v1.32 words and changes nothing.
 *
 * NOTE: pull, provisioning and start-up delays belong to other layers, so transcripts here
 * mask ages and fold repeated lines (`stable`), and the pod watch is compared as the order of
 * its status transitions.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

/** WEB_YAML is the tutorial's manifest, bundled with the playground as on k8s.io. */
const WEB_YAML = 'https://k8s.io/examples/application/web/web.yaml';

/** stable masks ages (`5s`, `3m1s`) and folds consecutive repeated lines. */
function stable(text: string): string {
  return text
    .replace(/\b\d+[smhd](?:\d+[smh])?\b/g, '<age>')
    .split('\n')
    .filter((line, i, lines) => i === 0 || line !== lines[i - 1])
    .join('\n');
}

/** transitions reads a `get pods -w` table as the order in which each pod reached each status. */
function transitions(watch: string): string[] {
  const out: string[] = [];
  for (const line of watch.trim().split('\n').slice(1)) {
    const [name, , status] = line.split(/\s+/);
    const step = `${name} ${status}`;
    if (out[out.length - 1] !== step) out.push(step);
  }
  return out;
}

describe('workflow: StatefulSet basics', () => {
  it('creates web-0 then web-1, with stable names, hostnames and identity labels', async () => {
    const s = await scenario();
    expect(await s.out(`kubectl apply -f ${WEB_YAML}`)).toBe('service/nginx created\nstatefulset.apps/web created\n');
    expect(transitions(await s.out('kubectl get pods -w -l app=nginx --request-timeout=30s'))).toEqual([
      'web-0 Pending',
      'web-0 ContainerCreating',
      'web-0 Running',
      'web-1 Pending',
      'web-1 ContainerCreating',
      'web-1 Running',
    ]);
    expect(
      stable(
        await transcript(
          s,
          `kubectl get service nginx
kubectl get statefulset web
kubectl get pods -l app=nginx
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
kubectl get pods web-0 -o jsonpath='{.spec.hostname}.{.spec.subdomain} {.metadata.labels}{"\\n"}'
kubectl get controllerrevisions
kubectl delete pod -l app=nginx
kubectl rollout status sts/web
kubectl get pods -l app=nginx
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done`,
        ),
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl get service nginx
      NAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      nginx   ClusterIP   None         <none>        80/TCP    <age>
      $ kubectl get statefulset web
      NAME   READY   AGE
      web    2/2     <age>
      $ kubectl get pods -l app=nginx
      NAME    READY   STATUS    RESTARTS   AGE
      web-0   1/1     Running   0          <age>
      web-1   1/1     Running   0          <age>
      $ for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
      web-0
      web-1
      $ kubectl get pods web-0 -o jsonpath='{.spec.hostname}.{.spec.subdomain} {.metadata.labels}{"\\n"}'
      web-0.nginx {"app":"nginx","apps.kubernetes.io/pod-index":"0","controller-revision-hash":"web-6c4f8f695d","statefulset.kubernetes.io/pod-name":"web-0"}
      $ kubectl get controllerrevisions
      NAME             CONTROLLER             REVISION   AGE
      web-6c4f8f695d   statefulset.apps/web   1          <age>
      $ kubectl delete pod -l app=nginx
      pod "web-0" deleted
      pod "web-1" deleted
      $ kubectl rollout status sts/web
      Waiting for 2 pods to be ready...
      Waiting for 1 pods to be ready...
      partitioned roll out complete: 2 new pods have been updated...
      $ kubectl get pods -l app=nginx
      NAME    READY   STATUS    RESTARTS   AGE
      web-0   1/1     Running   0          <age>
      web-1   1/1     Running   0          <age>
      $ for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
      web-0
      web-1
      "
    `);
    // The tutorial reads images with --template and range variables.
    expect(await s.out(`kubectl get pod web-1 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'`)).toBe('registry.k8s.io/nginx-slim:0.21');
  });

  it('resolves web-0.nginx from another pod and gives every ordinal its own bound claim', async () => {
    const s = await scenario();
    await s.run(`kubectl apply -f ${WEB_YAML}`);
    await s.run('kubectl rollout status sts/web');
    const dns = await s.out('kubectl run -i --rm --restart=Never dns-test --image=busybox:1.28 -- nslookup web-0.nginx');
    const ip = (await s.out("kubectl get pod web-0 -o jsonpath='{.status.podIP}'")).trim();
    expect(ip).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(dns).toContain('web-0.nginx.default.svc.cluster.local');
    expect(dns).toContain(ip);
    expect(await s.out('kubectl get pvc -l app=nginx')).toMatch(/^NAME +STATUS.*\nwww-web-0 +Bound +pvc-\S+ +1Gi +RWO +local-path .*\nwww-web-1 +Bound +pvc-\S+ +1Gi +RWO +local-path /);
  });

  it('scales up in ordinal order and down from the highest ordinal, keeping the claims', async () => {
    const s = await scenario();
    await s.run(`kubectl apply -f ${WEB_YAML}`);
    await s.run('kubectl rollout status sts/web');
    expect(
      stable(
        await transcript(
          s,
          `kubectl scale sts web --replicas=5
kubectl rollout status sts/web
kubectl get pods -l app=nginx
kubectl get pvc -l app=nginx -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,LABELS:.metadata.labels
kubectl patch sts web -p '{"spec":{"replicas":3}}'
kubectl rollout status sts/web
kubectl get pods -l app=nginx
kubectl get events --field-selector involvedObject.name=web,reason=SuccessfulDelete -o custom-columns=MESSAGE:.message
kubectl get pvc -l app=nginx -o name`,
        ),
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl scale sts web --replicas=5
      statefulset.apps/web scaled
      $ kubectl rollout status sts/web
      Waiting for 3 pods to be ready...
      Waiting for 2 pods to be ready...
      Waiting for 1 pods to be ready...
      partitioned roll out complete: 5 new pods have been updated...
      $ kubectl get pods -l app=nginx
      NAME    READY   STATUS    RESTARTS   AGE
      web-0   1/1     Running   0          <age>
      web-1   1/1     Running   0          <age>
      web-2   1/1     Running   0          <age>
      web-3   1/1     Running   0          <age>
      web-4   1/1     Running   0          <age>
      $ kubectl get pvc -l app=nginx -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,LABELS:.metadata.labels
      NAME        STATUS   LABELS
      www-web-0   Bound    map[app:nginx]
      www-web-1   Bound    map[app:nginx]
      www-web-2   Bound    map[app:nginx]
      www-web-3   Bound    map[app:nginx]
      www-web-4   Bound    map[app:nginx]
      $ kubectl patch sts web -p '{"spec":{"replicas":3}}'
      statefulset.apps/web patched
      $ kubectl rollout status sts/web
      partitioned roll out complete: 4 new pods have been updated...
      $ kubectl get pods -l app=nginx
      NAME    READY   STATUS      RESTARTS   AGE
      web-0   1/1     Running     0          <age>
      web-1   1/1     Running     0          <age>
      web-2   1/1     Running     0          <age>
      web-3   1/1     Running     0          <age>
      web-4   0/1     Completed   0          <age>
      $ kubectl get events --field-selector involvedObject.name=web,reason=SuccessfulDelete -o custom-columns=MESSAGE:.message
      MESSAGE
      delete Pod web-4 in StatefulSet web successful
      $ kubectl get pvc -l app=nginx -o name
      persistentvolumeclaim/www-web-0
      persistentvolumeclaim/www-web-1
      persistentvolumeclaim/www-web-2
      persistentvolumeclaim/www-web-3
      persistentvolumeclaim/www-web-4
      "
    `);
  });

  it('rolls from the highest ordinal down, stages with a partition, and rolls back to a renumbered revision', async () => {
    const s = await scenario();
    await s.run(`kubectl apply -f ${WEB_YAML}`);
    await s.run(`kubectl patch sts web -p '{"spec":{"replicas":3}}'`);
    await s.run('kubectl rollout status sts/web');
    expect(
      stable(
        await transcript(
          s,
          `kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'
kubectl rollout status sts/web
kubectl get pod -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[0].image}{"\\n"}{end}'
kubectl get events --field-selector involvedObject.name=web,reason=SuccessfulDelete -o custom-columns=MESSAGE:.message
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'
kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.21"}]'
kubectl delete pod web-2
kubectl rollout status sts/web
kubectl get pod web-2 -o jsonpath='{.spec.containers[0].image}{"\\n"}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
kubectl rollout status sts/web
kubectl get pod -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[0].image}{"\\n"}{end}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'
kubectl rollout status sts/web
kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.updatedReplicas}{"\\n"}'
kubectl rollout history sts/web
kubectl rollout history sts/web --revision=2
kubectl rollout undo sts/web --to-revision=2
kubectl rollout status sts/web
kubectl rollout history sts/web
kubectl get controllerrevisions
kubectl describe sts web`,
        ),
      ),
    ).toMatchInlineSnapshot(`
      "$ kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'
      statefulset.apps/web patched
      $ kubectl rollout status sts/web
      Waiting for 1 pods to be ready...
      Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...
      Waiting for 1 pods to be ready...
      Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...
      Waiting for 1 pods to be ready...
      partitioned roll out complete: 3 new pods have been updated...
      $ kubectl get pod -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[0].image}{"\\n"}{end}'
      web-0	registry.k8s.io/nginx-slim:0.24
      web-1	registry.k8s.io/nginx-slim:0.24
      web-2	registry.k8s.io/nginx-slim:0.24
      $ kubectl get events --field-selector involvedObject.name=web,reason=SuccessfulDelete -o custom-columns=MESSAGE:.message
      MESSAGE
      delete Pod web-2 in StatefulSet web successful
      delete Pod web-1 in StatefulSet web successful
      delete Pod web-0 in StatefulSet web successful
      $ kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'
      statefulset.apps/web patched
      $ kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.21"}]'
      statefulset.apps/web patched
      $ kubectl delete pod web-2
      pod "web-2" deleted
      $ kubectl rollout status sts/web
      Waiting for 1 pods to be ready...
      partitioned roll out complete: 0 new pods have been updated...
      $ kubectl get pod web-2 -o jsonpath='{.spec.containers[0].image}{"\\n"}'
      registry.k8s.io/nginx-slim:0.24
      $ kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
      statefulset.apps/web patched
      $ kubectl rollout status sts/web
      Waiting for 1 pods to be ready...
      partitioned roll out complete: 1 new pods have been updated...
      $ kubectl get pod -l app=nginx -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.spec.containers[0].image}{"\\n"}{end}'
      web-0	registry.k8s.io/nginx-slim:0.24
      web-1	registry.k8s.io/nginx-slim:0.24
      web-2	registry.k8s.io/nginx-slim:0.21
      $ kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'
      statefulset.apps/web patched
      $ kubectl rollout status sts/web
      Waiting for 1 pods to be ready...
      Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...
      Waiting for 1 pods to be ready...
      partitioned roll out complete: 3 new pods have been updated...
      $ kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.updatedReplicas}{"\\n"}'
      web-6c4f8f695d web-6c4f8f695d 3
      $ kubectl rollout history sts/web
      statefulset.apps/web 
      REVISION  CHANGE-CAUSE
      2         <none>
      3         <none>

      $ kubectl rollout history sts/web --revision=2
      statefulset.apps/web with revision #2
      Pod Template:
        Labels:	app=nginx
        Containers:
         nginx:
          Image:	registry.k8s.io/nginx-slim:0.24
          Port:	80/TCP (web)
          Host Port:	0/TCP (web)
          Environment:	<none>
          Mounts:
            /usr/share/nginx/html from www (rw)
        Volumes:	<none>
        Node-Selectors:	<none>
        Tolerations:	<none>

      $ kubectl rollout undo sts/web --to-revision=2
      statefulset.apps/web rolled back
      $ kubectl rollout status sts/web
      Waiting for 1 pods to be ready...
      Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...
      Waiting for 1 pods to be ready...
      Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...
      Waiting for 1 pods to be ready...
      partitioned roll out complete: 3 new pods have been updated...
      $ kubectl rollout history sts/web
      statefulset.apps/web 
      REVISION  CHANGE-CAUSE
      3         <none>
      4         <none>

      $ kubectl get controllerrevisions
      NAME             CONTROLLER             REVISION   AGE
      web-6c4f8f695d   statefulset.apps/web   3          <age>
      web-7b8bd45f9f   statefulset.apps/web   4          <age>
      $ kubectl describe sts web
      Name:               web
      Namespace:          default
      CreationTimestamp:  Thu, 15 Jan 2026 09:10:00 +0000
      Selector:           app=nginx
      Labels:             <none>
      Annotations:        <none>
      Replicas:           3 desired | 3 total
      Update Strategy:    RollingUpdate
        Partition:        0
      Pods Status:        3 Running / 0 Waiting / 0 Succeeded / 0 Failed
      Pod Template:
        Labels:  app=nginx
        Containers:
         nginx:
          Image:        registry.k8s.io/nginx-slim:0.24
          Port:         80/TCP (web)
          Host Port:    0/TCP (web)
          Environment:  <none>
          Mounts:
            /usr/share/nginx/html from www (rw)
        Volumes:         <none>
        Node-Selectors:  <none>
        Tolerations:     <none>
      Volume Claims:
        Name:          www
        StorageClass:  
        Labels:        <none>
        Annotations:   <none>
        Capacity:      1Gi
        Access Modes:  [ReadWriteOnce]
      Events:
        Type    Reason            Age               From                    Message
        ----    ------            ----              ----                    -------
        Normal  SuccessfulCreate  <age>               statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success
        Normal  SuccessfulCreate  <age>               statefulset-controller  create Claim www-web-1 Pod web-1 in StatefulSet web success
        Normal  SuccessfulCreate  <age>               statefulset-controller  create Claim www-web-2 Pod web-2 in StatefulSet web success
        Normal  SuccessfulDelete  <age> (x3 over <age>)  statefulset-controller  delete Pod web-2 in StatefulSet web successful
        Normal  SuccessfulCreate  <age> (x5 over <age>)  statefulset-controller  create Pod web-2 in StatefulSet web successful
        Normal  SuccessfulDelete  <age> (x3 over <age>)  statefulset-controller  delete Pod web-1 in StatefulSet web successful
        Normal  SuccessfulCreate  <age> (x4 over <age>)  statefulset-controller  create Pod web-1 in StatefulSet web successful
        Normal  SuccessfulDelete  <age> (x3 over <age>)  statefulset-controller  delete Pod web-0 in StatefulSet web successful
        Normal  SuccessfulCreate  <age> (x4 over <age>)  statefulset-controller  create Pod web-0 in StatefulSet web successful
      "
    `);
  });

  it('creates and removes pods all at once with podManagementPolicy Parallel', async () => {
    const s = await scenario();
    expect(await s.out('kubectl apply -f https://k8s.io/examples/application/web/web-parallel.yaml')).toBe('service/nginx created\nstatefulset.apps/web created\n');
    const steps = transitions(await s.out('kubectl get pods -w -l app=nginx --request-timeout=30s'));
    expect(steps.indexOf('web-1 Pending')).toBeGreaterThan(-1);
    expect(steps.indexOf('web-1 Pending')).toBeLessThan(steps.indexOf('web-0 Running'));
    expect(await s.out('kubectl get sts web')).toMatch(/^NAME +READY +AGE\nweb +2\/2 +\d+s\n$/);
    await s.run('kubectl scale sts web --replicas=5');
    await s.run('kubectl rollout status sts/web');
    await s.run('kubectl scale sts web --replicas=0');
    // Every condemned pod is deleted in the same pass, highest ordinal first.
    expect(await s.out('kubectl get events --field-selector involvedObject.name=web,reason=SuccessfulDelete -o custom-columns=MESSAGE:.message')).toBe(
      ['MESSAGE', ...[4, 3, 2, 1, 0].map((n) => `delete Pod web-${n} in StatefulSet web successful`), ''].join('\n'),
    );
  });

  it('refuses bad StatefulSets and forbidden updates in v1.32 words, and changes nothing', async () => {
    const s = await scenario();
    expect(
      stable(
        await transcript(
          s,
          `kubectl create -f - <<'X'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
X
kubectl create -f - <<'X'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  podManagementPolicy: Sequential
  selector: {}
  template:
    metadata:
      labels:
        app: nginx
    spec:
      restartPolicy: Never
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
X
kubectl get sts
kubectl create -f - <<'X'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
X
kubectl patch sts web -p '{"spec":{"serviceName":"other"}}'
kubectl patch sts web --type=merge -p '{"spec":{"volumeClaimTemplates":[{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}'
kubectl scale sts web --replicas=-1
kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"Sometimes"}}}'
kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":-1}}}}'
kubectl get sts web -o jsonpath='{.spec.serviceName} {.metadata.generation}{"\\n"}'
kubectl rollout undo sts/web
kubectl rollout history sts/web --revision=5
kubectl create -f - <<'X'
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: broken
spec:
  selector:
    matchLabels:
      app: broken
  template:
    metadata:
      labels:
        app: broken
    spec:
      containers:
      - name: c
X
kubectl describe sts broken | tail -3`,
        ),
      ),
    ).toBe(`$ kubectl create -f - <<'X'
The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: \`selector\` does not match template \`labels\`
$ kubectl create -f - <<'X'
The StatefulSet "web" is invalid: 
* spec.podManagementPolicy: Invalid value: "Sequential": must be 'OrderedReady' or 'Parallel'
* spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset
* spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"
$ kubectl get sts
No resources found in default namespace.
$ kubectl create -f - <<'X'
statefulset.apps/web created
$ kubectl patch sts web -p '{"spec":{"serviceName":"other"}}'
The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
$ kubectl patch sts web --type=merge -p '{"spec":{"volumeClaimTemplates":[{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}'
The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
$ kubectl scale sts web --replicas=-1
error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
$ kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"Sometimes"}}}'
The StatefulSet "web" is invalid: spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Sometimes", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(0xc000a3e1c8)}: must be 'RollingUpdate' or 'OnDelete'
$ kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":-1}}}}'
The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0
$ kubectl get sts web -o jsonpath='{.spec.serviceName} {.metadata.generation}{"\\n"}'
nginx 1
$ kubectl rollout undo sts/web
error: no last revision to roll back to
$ kubectl rollout history sts/web --revision=5
error: unable to find the specified revision
$ kubectl create -f - <<'X'
statefulset.apps/broken created
$ kubectl describe sts broken | tail -3
  Type     Reason        Age   From                    Message
  ----     ------        ----  ----                    -------
  Warning  FailedCreate  <age>    statefulset-controller  create Pod broken-0 in StatefulSet broken failed error: Pod "broken-0" is invalid: spec.containers[0].image: Required value
`);
    // maxUnavailable is alpha (MaxUnavailableStatefulSet, off in v1.32): the API server drops it.
    expect(await s.out(`kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":2}}}}'`)).toBe('statefulset.apps/web patched (no change)\n');
    expect(await s.run('kubectl rollout pause sts/web')).toEqual({ stdout: '', stderr: 'error: statefulsets.apps "web" pausing is not supported\n', status: 1 });
    await s.run(`kubectl patch sts web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'`);
    expect(await s.run('kubectl rollout status sts/web')).toEqual({ stdout: '', stderr: 'error: rollout status is only available for RollingUpdate strategy type\n', status: 1 });
  });
});
