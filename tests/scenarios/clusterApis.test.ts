/**
 * The smaller APIs of a v1.32 cluster that a learner meets in `kubectl api-resources`:
 * ComponentStatus (deprecated, computed), Binding (create only), ReplicationController (run by
 * the replication manager), PodTemplate (stored), APIService (one per served group/version), RuntimeClass, CRDs and
 * the CSI kinds (stored, validated where it matters).
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('cluster APIs', () => {
  it('kubectl get cs prints the deprecation warning and three healthy components', async () => {
    const s = await scenario();
    const res = await s.run('TERM=dumb kubectl get cs');
    expect(res.stderr).toBe('Warning: v1 ComponentStatus is deprecated in v1.19+\n');
    expect(res.stdout).toBe(
      'NAME                 STATUS    MESSAGE   ERROR\n' +
        'controller-manager   Healthy   ok        \n' +
        'scheduler            Healthy   ok        \n' +
        'etcd-0               Healthy   ok        \n',
    );
    expect(await s.out('TERM=dumb kubectl get componentstatus etcd-0 -o jsonpath={.conditions[0].type}={.conditions[0].status}')).toBe(
      'Warning: v1 ComponentStatus is deprecated in v1.19+\nHealthy=True',
    );
    expect((await s.run('kubectl delete cs scheduler')).stderr).toContain('(MethodNotAllowed)');
    expect((await s.run('TERM=dumb kubectl describe cs scheduler')).stderr).toBe('Warning: v1 ComponentStatus is deprecated in v1.19+\n');
  });

  it('a Binding assigns a pod that no scheduler picks up', async () => {
    const s = await scenario();
    await s.run('kubectl run manual --image=nginx --overrides=\'{"spec":{"schedulerName":"my-scheduler"}}\'');
    expect(await s.out('kubectl get pod manual -o jsonpath={.spec.nodeName}')).toBe('');
    expect(
      await s.out(`kubectl create -f - <<EOF
apiVersion: v1
kind: Binding
metadata:
  name: manual
target:
  apiVersion: v1
  kind: Node
  name: node02
EOF`),
    ).toBe('status/<unknown> created\n');
    expect(await s.out('kubectl get pod manual -o jsonpath={.spec.nodeName}')).toBe('node02');
    expect((await s.run('kubectl get bindings')).stderr).toContain('(MethodNotAllowed)');
  });

  it('runs ReplicationControllers with their defaults, and stores PodTemplates', async () => {
    const s = await scenario();
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
spec:
  template:
    metadata:
      labels:
        app: legacy
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
EOF`),
    ).toBe('replicationcontroller/legacy created\n');
    expect(await s.out('kubectl get rc -o wide')).toBe(
      'NAME     DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\n' + 'legacy   1         1         0       0s    nginx        nginx:1.25   app=legacy\n',
    );
    expect(await s.out('kubectl get rc legacy -o jsonpath={.metadata.labels.app}/{.spec.selector.app}/{.spec.template.spec.restartPolicy}')).toBe('legacy/legacy/Always');
    expect(await s.out('kubectl scale rc legacy --replicas=3')).toBe('replicationcontroller/legacy scaled\n');
    // The replication manager (the ReplicaSet controller run on RCs) keeps the pods.
    await s.run('sleep 10');
    expect(await s.out('kubectl get rc legacy')).toBe('NAME     DESIRED   CURRENT   READY   AGE\nlegacy   3         3         3       10s\n');
    expect(await s.out("kubectl get pods -l app=legacy -o jsonpath='{.items[0].metadata.ownerReferences[0].kind}'")).toBe('ReplicationController');
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: v1
kind: ReplicationController
metadata:
  name: broken
spec:
  selector:
    app: other
  template:
    metadata:
      labels:
        app: legacy
    spec:
      containers:
      - name: nginx
        image: nginx
EOF`),
    ).toBe('The ReplicationController "broken" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"legacy"}: `selector` does not match template `labels`\n');
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: v1
kind: PodTemplate
metadata:
  name: tpl
template:
  metadata:
    labels:
      app: tpl
  spec:
    containers:
    - name: c
      image: busybox
EOF`),
    ).toBe('podtemplate/tpl created\n');
    expect(await s.out('kubectl get podtemplates')).toBe('NAME   CONTAINERS   IMAGES    POD LABELS\ntpl    c            busybox   app=tpl\n');
  });

  it('lists an APIService per served group/version and stores RuntimeClasses and CRDs', async () => {
    const s = await scenario();
    const apiservices = (await s.out('kubectl get apiservices')).split('\n');
    expect(apiservices[0]).toMatch(/^NAME\s+SERVICE\s+AVAILABLE\s+AGE$/);
    expect(apiservices).toContainEqual(expect.stringMatching(/^v1\.\s+Local\s+True\s+10m$/));
    expect(apiservices).toContainEqual(expect.stringMatching(/^v1\.policy\s+Local\s+True\s+10m$/));
    expect(apiservices).toContainEqual(expect.stringMatching(/^v1beta1\.metrics\.k8s\.io\s+kube-system\/metrics-server\s+True\s+10m$/));
    expect(await s.out('kubectl get apiservice v1.apps -o jsonpath={.spec.groupPriorityMinimum}/{.status.conditions[0].reason}')).toBe('17800/Local');

    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: gvisor
handler: runsc
EOF`),
    ).toBe('runtimeclass.node.k8s.io/gvisor created\n');
    expect(await s.out('kubectl get runtimeclass')).toBe('NAME     HANDLER   AGE\ngvisor   runsc     0s\n');
    // The v1.32 schema covers these kinds too: strict decoding and kubectl explain.
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: typo
handlr: runsc
EOF`),
    ).toBe('Error from server (BadRequest): error when creating "STDIN": RuntimeClass in version "v1" cannot be handled as a RuntimeClass: strict decoding error: unknown field "handlr"\n');
    expect(await s.out('kubectl explain rc.spec.selector | head -2')).toBe('KIND:       ReplicationController\nVERSION:    v1\n');
    expect(await s.out('kubectl patch runtimeclass gvisor --type=merge -p \'{"handler":"kata"}\'')).toBe(
      'The RuntimeClass "gvisor" is invalid: handler: Invalid value: "kata": field is immutable\n',
    );

    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
EOF`),
    ).toBe('customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n');
    expect(await s.out('kubectl get crd')).toMatch(/^NAME\s+CREATED AT\ncrontabs\.stable\.example\.com\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
    expect(
      await s.out(`kubectl apply -f - <<EOF
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: other.example.com
  scope: Namespaced
  names:
    plural: widgets
    kind: Widget
  versions:
  - name: v1
    served: true
    storage: true
EOF`),
    ).toBe('The CustomResourceDefinition "widgets.example.com" is invalid: metadata.name: Invalid value: "widgets.example.com": must be spec.names.plural+"."+spec.group\n');
    expect(await s.out('kubectl get csinodes,csidrivers,volumeattachments')).toBe('No resources found\n');
  });
});
