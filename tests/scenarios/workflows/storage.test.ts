/**
 * Workflow: persistent storage on the default cluster. The default StorageClass `local-path`
 * (WaitForFirstConsumer) leaves a claim Pending until a pod uses it; then the scheduler picks a
 * node, the local-path provisioner creates `pvc-<claim uid>` there and the claim is Bound. A file
 * written through the claim outlives the pod and the next pod (pinned to the same node by the
 * volume's node affinity) reads it. A static PV binds an Immediate claim at once and is Released
 * (Retain) when the claim goes. pvc-protection keeps a used claim Terminating; the scheduler
 * explains missing and unbound claims; bad claims are refused in the API server's words.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';
import { transcript } from './transcript.ts';

/** stable hides what depends on generated UIDs. */
const stable = (text: string) => text.replace(/pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'pvc-<uid>');

const CLAIM = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF`;

const pod = (name: string, command: string) => `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "${command}"]
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
EOF`;

const STATIC = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-manual
spec:
  storageClassName: manual
  capacity:
    storage: 2Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim-manual
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF`;

describe('workflow: storage', () => {
  it('provisions a local-path volume for the first consumer and keeps its files for the next pod', async () => {
    const s = await scenario();
    expect(stable(await transcript(s, `kubectl get sc\n${CLAIM}\nkubectl get pvc\nkubectl describe pvc data | sed -n '/^Events/,$p'`))).toBe(`$ kubectl get sc
NAME                   PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
local-path (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10m
$ kubectl apply -f - <<EOF
persistentvolumeclaim/data created
$ kubectl get pvc
NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
data   Pending                                      local-path     <unset>                 0s
$ kubectl describe pvc data | sed -n '/^Events/,$p'
Events:
  Type    Reason                Age   From                         Message
  ----    ------                ----  ----                         -------
  Normal  WaitForFirstConsumer  0s    persistentvolume-controller  waiting for first consumer to be created before binding
`);
    await s.run(pod('writer', 'echo kept > /data/msg && sleep 3600'));
    expect((await s.run('kubectl wait --for=condition=Ready pod/writer --timeout=60s')).stdout).toBe('pod/writer condition met\n');
    const node = (await s.run("kubectl get pod writer -o jsonpath='{.spec.nodeName}'")).stdout;
    const claim = (
      await s.run("kubectl get pvc data -o jsonpath='{.metadata.uid} {.spec.volumeName} {.status.phase} {.metadata.annotations.volume\\.kubernetes\\.io/selected-node}'")
    ).stdout.split(' ');
    expect(claim[1]).toBe(`pvc-${claim[0]}`);
    expect(claim[2]).toBe('Bound');
    expect(claim[3]).toBe(node);
    const pv = (
      await s.run(`kubectl get pv ${claim[1]} -o jsonpath='{.spec.hostPath.path} {.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]} {.spec.persistentVolumeReclaimPolicy}'`)
    ).stdout;
    expect(pv).toBe(`/opt/local-path-provisioner/pvc-${claim[0]}_default_data ${node} Delete`);
    const events = (await s.run("kubectl get events --field-selector involvedObject.kind=PersistentVolumeClaim -o custom-columns=REASON:.reason,FROM:.source.component")).stdout;
    expect(stable(events).replace(/local-path-provisioner-[a-z0-9]+-[a-z0-9]{5}_[0-9a-f-]{36}/g, 'local-path-provisioner-<pod>_<uuid>')).toBe(`REASON                  FROM
WaitForFirstConsumer    persistentvolume-controller
ExternalProvisioning    persistentvolume-controller
Provisioning            rancher.io/local-path_local-path-provisioner-<pod>_<uuid>
ProvisioningSucceeded   rancher.io/local-path_local-path-provisioner-<pod>_<uuid>
`);
    expect(await s.out('kubectl describe pod writer | grep -A3 "^  data:"')).toBe(`  data:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  data
    ReadOnly:   false
`);
    expect(await s.out('kubectl delete pod writer --grace-period=1')).toBe('pod "writer" deleted\n');
    await s.run(pod('reader', 'cat /data/msg && sleep 3600'));
    await s.run('kubectl wait --for=condition=Ready pod/reader --timeout=60s');
    expect((await s.run("kubectl get pod reader -o jsonpath='{.spec.nodeName}'")).stdout).toBe(node);
    expect(await s.out('kubectl logs reader')).toBe('kept\n');
  });

  it('keeps a used claim Terminating, then deletes its volume (reclaim Delete)', async () => {
    const s = await scenario();
    await s.run(CLAIM);
    await s.run(pod('app', 'sleep 3600'));
    // The provisioner's helper pod takes a moment: the watch sees the volume name first, then Bound.
    expect(stable(await s.out('kubectl get pvc -w --request-timeout=5s')).replace(/ +/g, ' ')).toBe(`NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE
data Pending local-path <unset> 0s
data Pending pvc-<uid> 0 local-path <unset> 2s
data Bound pvc-<uid> 1Gi RWO local-path <unset> 2s
`);
    await s.run('kubectl wait --for=condition=Ready pod/app --timeout=60s');
    // local-path does not allow volume expansion; shrinking below the volume's size is never allowed.
    expect(await s.out(`kubectl patch pvc data -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`)).toBe(
      'Error from server (Forbidden): persistentvolumeclaims "data" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize\n',
    );
    expect(await s.out(`kubectl patch pvc data -p '{"spec":{"resources":{"requests":{"storage":"500Mi"}}}}'`)).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity\n',
    );
    expect(await s.out('kubectl delete pvc data --wait=false')).toBe('persistentvolumeclaim "data" deleted\n');
    expect(stable(await s.out('kubectl get pvc')).replace(/ +/g, ' ')).toMatch(/^NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE\ndata Terminating pvc-<uid> 1Gi RWO local-path <unset> \d+s\n$/);
    expect(await s.out("kubectl get pvc data -o jsonpath='{.metadata.finalizers}'")).toBe('["kubernetes.io/pvc-protection"]');
    await s.run('kubectl delete pod app --grace-period=1');
    expect(await s.out('kubectl get pvc,pv')).toBe('No resources found in default namespace.\n');
  });

  it('binds a static PersistentVolume to an Immediate claim and releases it (Retain)', async () => {
    const s = await scenario();
    expect(await transcript(s, `${STATIC}\nkubectl get pv,pvc\nkubectl delete pvc claim-manual\nkubectl get pv`)).toBe(`$ kubectl apply -f - <<EOF
persistentvolume/pv-manual created
persistentvolumeclaim/claim-manual created
$ kubectl get pv,pvc
NAME                         CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                  STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
persistentvolume/pv-manual   2Gi        RWO            Retain           Bound    default/claim-manual   manual         <unset>                          0s

NAME                                 STATUS   VOLUME      CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
persistentvolumeclaim/claim-manual   Bound    pv-manual   2Gi        RWO            manual         <unset>                 0s
$ kubectl delete pvc claim-manual
persistentvolumeclaim "claim-manual" deleted
$ kubectl get pv
NAME        CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS     CLAIM                  STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
pv-manual   2Gi        RWO            Retain           Released   default/claim-manual   manual         <unset>                          0s
`);
  });

  it('explains why pods with missing or unbound claims are not scheduled', async () => {
    const s = await scenario();
    await s.run(`kubectl run p1 --image=nginx --overrides='{"spec":{"volumes":[{"name":"d","persistentVolumeClaim":{"claimName":"data"}}]}}'`);
    await s.run(CLAIM.replace('name: data', 'name: none').replace('spec:\n', 'spec:\n  storageClassName: ""\n'));
    await s.run(`kubectl run p2 --image=nginx --overrides='{"spec":{"volumes":[{"name":"d","persistentVolumeClaim":{"claimName":"none"}}]}}'`);
    await s.run('sleep 1');
    expect(await s.out('kubectl get events --field-selector reason=FailedScheduling -o custom-columns=POD:.involvedObject.name,MESSAGE:.message')).toBe(`POD   MESSAGE
p1    0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..
p2    0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..
`);
    expect(await s.out("kubectl describe pvc none | sed -n '/^Events/,$p'")).toBe(`Events:
  Type    Reason         Age   From                         Message
  ----    ------         ----  ----                         -------
  Normal  FailedBinding  1s    persistentvolume-controller  no persistent volumes available for this claim and no storage class is set
`);
    expect(await s.out('kubectl get pod p1 p2')).toBe(`NAME   READY   STATUS    RESTARTS   AGE
p1     0/1     Pending   0          1s
p2     0/1     Pending   0          1s
`);
  });

  it('refuses bad claims and volumes in the API server words, changing nothing', async () => {
    const s = await scenario();
    const bad = await s.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: bad
spec:
  resources: {}
EOF`);
    expect(bad.stderr).toBe(`The PersistentVolumeClaim "bad" is invalid: 
* spec.accessModes: Required value: at least 1 access mode is required
* spec.resources[storage]: Required value
`);
    expect(bad.status).toBe(1);
    const pv = await s.run(`kubectl create -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata:
  name: nosource
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteSometimes]
EOF`);
    expect(pv.stderr).toBe(`The PersistentVolume "nosource" is invalid: 
* spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"
* spec: Required value: must specify a volume type
`);
    await s.run(CLAIM);
    expect(await s.out(`kubectl patch pvc data -p '{"spec":{"accessModes":["ReadWriteMany"]}}'`)).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n',
    );
    expect(await s.out("kubectl get pvc data -o jsonpath='{.spec.accessModes}'")).toBe('["ReadWriteOnce"]');
    expect(await s.out('kubectl get pv')).toBe('No resources found\n');
    expect((await s.out('kubectl get pvc')).replace(/ +/g, ' ')).toBe('NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE\ndata Pending local-path <unset> 0s\n');
  });
});

describe('workflow: storage quota', () => {
  it('counts claims and their storage, per class too', async () => {
    const s = await scenario();
    await s.run('kubectl create quota storage --hard=requests.storage=2Gi,persistentvolumeclaims=2,local-path.storageclass.storage.k8s.io/requests.storage=1Gi');
    const big = await s.run(CLAIM.replace('storage: 1Gi', 'storage: 5Gi'));
    expect(big.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": persistentvolumeclaims "data" is forbidden: exceeded quota: storage, requested: local-path.storageclass.storage.k8s.io/requests.storage=5Gi,requests.storage=5Gi, used: local-path.storageclass.storage.k8s.io/requests.storage=0,requests.storage=0, limited: local-path.storageclass.storage.k8s.io/requests.storage=1Gi,requests.storage=2Gi\n',
    );
    await s.run(CLAIM.replace('storage: 1Gi', 'storage: 500Mi'));
    expect(await s.out("kubectl describe quota storage | sed -n '/^Resource/,$p'")).toBe(`Resource                                                 Used   Hard
--------                                                 ----   ----
local-path.storageclass.storage.k8s.io/requests.storage  500Mi  1Gi
persistentvolumeclaims                                   1      2
requests.storage                                         500Mi  2Gi
`);
  });
});

describe('workflow: storage expansion', () => {
  it('accepts a bigger request when the class allows expansion, and waits for an external resizer', async () => {
    const s = await scenario();
    await s.run(`kubectl apply -f - <<EOF
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: expandable
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
EOF`);
    await s.run(CLAIM.replace('spec:\n', 'spec:\n  storageClassName: expandable\n'));
    await s.run(pod('app', 'sleep 3600'));
    await s.run('kubectl wait --for=condition=Ready pod/app --timeout=60s');
    expect(await s.out(`kubectl patch pvc data -p '{"spec":{"resources":{"requests":{"storage":"2Gi"}}}}'`)).toBe('persistentvolumeclaim/data patched\n');
    expect(await s.out("kubectl get pvc data -o jsonpath='{.spec.resources.requests.storage} {.status.capacity.storage}'")).toBe('2Gi 1Gi');
    expect(await s.out("kubectl get events --field-selector reason=ExternalExpanding -o custom-columns=FROM:.source.component,MESSAGE:.message")).toBe(`FROM            MESSAGE
volume_expand   waiting for an external controller to expand this PVC
`);
  });
});

describe('workflow: storage the provisioner refuses', () => {
  it('leaves a ReadWriteMany local-path claim Pending with ProvisioningFailed', async () => {
    const s = await scenario();
    await s.run(CLAIM.replace('[ReadWriteOnce]', '[ReadWriteMany]'));
    await s.run(pod('app', 'sleep 3600'));
    await s.run('sleep 5');
    expect(await s.out("kubectl get pvc data -o jsonpath='{.status.phase}'")).toBe('Pending');
    expect(await s.out("kubectl get events --field-selector reason=ProvisioningFailed -o custom-columns=TYPE:.type,MESSAGE:.message")).toBe(`TYPE      MESSAGE
Warning   failed to provision volume with StorageClass "local-path": NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes
`);
    expect(await s.out("kubectl get pod app -o jsonpath='{.status.phase}'")).toBe('Pending');
  });
});

describe('workflow: generic ephemeral volumes', () => {
  it('creates <pod>-<volume> for the pod, owned by it, and deletes it with the pod', async () => {
    const s = await scenario();
    await s.run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: scratch
spec:
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo hi > /scratch/f && sleep 3600"]
    volumeMounts:
    - name: work
      mountPath: /scratch
  volumes:
  - name: work
    ephemeral:
      volumeClaimTemplate:
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 1Gi
EOF`);
    await s.run('kubectl wait --for=condition=Ready pod/scratch --timeout=60s');
    expect(await s.out("kubectl get pvc scratch-work -o jsonpath='{.status.phase} {.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}'")).toBe('Bound Pod/scratch');
    expect(await s.out('kubectl exec scratch -- cat /scratch/f')).toBe('hi\n');
    await s.run('kubectl delete pod scratch --grace-period=1');
    await s.run('sleep 3');
    expect(await s.out('kubectl get pvc,pv')).toBe('No resources found in default namespace.\n');
  });
});
