import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('kubectl describe', () => {
  it('describes a Deployment with its ReplicaSets and events', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl rollout status deployment/web');
    const out = await s.out('kubectl describe deployment web');
    expect(out).toContain('Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n');
    expect(out).toContain('NewReplicaSet:   web-6dc5cd68db (2/2 replicas created)\n');
    expect(out).toMatch(/Events:\n {2}Type {4}Reason {13}Age {3}From {19}Message\n {2}---- {4}------ {13}---- {2}---- {19}-------\n {2}Normal {2}ScalingReplicaSet {2}\d+s +deployment-controller {2}Scaled up replica set web-6dc5cd68db from 0 to 2\n$/);
  });

  it('matches names by prefix, separates objects and leaves events out for several', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx --replicas=2');
    await s.run('kubectl rollout status deployment/web');
    const names = (await s.run('kubectl get pods -o name')).stdout.trim().split('\n').map((n) => n.replace('pod/', ''));
    const r = await s.run('kubectl describe pods web');
    expect(r.status).toBe(0);
    const blocks = r.stdout.split('\n\nName:');
    expect(blocks).toHaveLength(2);
    expect(r.stdout.startsWith(`Name:             ${names[0]}\n`)).toBe(true);
    expect(blocks[1].startsWith(`             ${names[1]}\n`)).toBe(true);
    expect(r.stdout).not.toContain('Events:');
    // One exact name: events are shown; --show-events=false hides them.
    expect(await s.out(`kubectl describe pod ${names[0]}`)).toContain('Events:\n  Type    Reason     Age');
    expect(await s.out(`kubectl describe pod/${names[0]} --show-events=false`)).not.toContain('Events:');
  });

  it('fails like kubectl', async () => {
    const s = await scenario();
    expect(await s.run('kubectl describe')).toEqual({
      stdout: '',
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      status: 1,
    });
    expect(await s.run('kubectl describe svc nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): services "nope" not found\n', status: 1 });
    expect(await s.run('kubectl describe pods -l app=nope')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', status: 0 });
  });

  it('describes a node with its pods and lease', async () => {
    const s = await scenario();
    const out = await s.out('kubectl describe node node01');
    expect(out.startsWith('Name:               node01\nRoles:              <none>\n')).toBe(true);
    expect(out).toContain('Lease:\n  HolderIdentity:  node01\n');
    expect(out).toContain('Non-terminated Pods:');
    expect(out).toContain('kube-proxy-');
  });
});
