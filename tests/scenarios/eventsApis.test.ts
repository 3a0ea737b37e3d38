/**
 * core/v1 and events.k8s.io/v1 Events are one stored resource: what the kubelet and the
 * scheduler record through core/v1 is listed by `kubectl get events.events.k8s.io`, with
 * upstream's Event printer, and an Event created through events.k8s.io/v1 shows up in
 * `kubectl get events` and `kubectl events`.
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from './files.ts';
import { scenario } from './harness.ts';

describe('Events through both APIs', () => {
  it('lists the same Events through core/v1 and events.k8s.io/v1', async () => {
    const s = await scenario();
    await s.run('kubectl run web --image=nginx');
    await s.run('kubectl wait --for=condition=Ready pod/web');
    const core = await s.out('kubectl get events --field-selector involvedObject.name=web');
    const v1 = await s.out('kubectl get events.events.k8s.io --field-selector regarding.name=web');
    expect(v1).toBe(core);
    expect(v1.split('\n')[0]).toBe('LAST SEEN   TYPE     REASON      OBJECT    MESSAGE');
    expect(v1).toMatch(/\n\d+s +Normal +Scheduled +pod\/web +Successfully assigned default\/web to node0\d\n/);
    const yaml = await s.out('kubectl get events.v1.events.k8s.io --field-selector reason=Started -o yaml');
    expect(yaml).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: events.k8s.io\/v1\n {2}deprecatedCount: 1\n {2}deprecatedFirstTimestamp: "[^"]+"\n {2}deprecatedLastTimestamp: "[^"]+"\n {2}deprecatedSource:\n {4}component: kubelet\n {4}host: node0\d\n {2}eventTime: null\n {2}kind: Event\n/);
    expect(yaml).toContain('  note: Started container web\n  reason: Started\n  regarding:\n    apiVersion: v1\n    fieldPath: spec.containers{web}\n    kind: Pod\n');
    expect(yaml).toContain('  reportingController: kubelet\n  reportingInstance: node0');
    expect(await s.run('kubectl get events.events.k8s.io --field-selector involvedObject.name=web')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): Unable to find "events.k8s.io/v1, Resource=events" that match label selector "", field selector "involvedObject.name=web": field label not supported: involvedObject.name\n',
      status: 1,
    });
  });

  it('shows an Event created through events.k8s.io/v1 in kubectl get events and kubectl events', async () => {
    const s = await scenario();
    writeFile(s, 'ev.yaml', `apiVersion: events.k8s.io/v1
kind: Event
metadata:
  name: hello
eventTime: "2026-01-15T09:00:00.000000Z"
reportingController: example.com/learner
reportingInstance: me
action: Greet
reason: Hello
type: Warning
note: hello from events.k8s.io
regarding:
  kind: Pod
  name: ghost
  namespace: default
`);
    expect(await s.out('kubectl create -f ev.yaml')).toBe('event.events.k8s.io/hello created\n');
    expect(await s.out('kubectl get events -o jsonpath={.items[0].message}/{.items[0].reportingComponent}/{.items[0].count}')).toBe(
      'hello from events.k8s.io/example.com/learner/',
    );
    expect(await s.out('kubectl events --types=Warning')).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n\S+ +Warning +Hello +Pod\/ghost +hello from events.k8s.io\n$/);
    expect(await s.out('kubectl delete event hello')).toBe('event "hello" deleted\n');
    expect(await s.run('kubectl get events.events.k8s.io hello')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): events.events.k8s.io "hello" not found\n',
      status: 1,
    });
  });
});
