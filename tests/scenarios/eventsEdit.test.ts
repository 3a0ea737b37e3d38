import { describe, expect, it } from 'vitest';
import { loadApiSchema } from '../../src/core/api/schema/index.ts';
import { createCluster } from '../../src/core/sim/createCluster.ts';
import { TerminalSession } from '../../src/session/session.ts';
import { HeadlessDriver } from '../../src/session/timeDriver.ts';
import { scenario } from './harness.ts';

describe('kubectl events', () => {
  it('lists events oldest first, for one object, and by type', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl rollout status deployment/web');
    const all = await s.out('kubectl events');
    const lines = all.trimEnd().split('\n');
    expect(lines[0]).toBe('LAST SEEN   TYPE     REASON              OBJECT                      MESSAGE');
    expect(lines.some((l) => /^\d+s +Normal +ScalingReplicaSet +Deployment\/web +Scaled up replica set web-6dc5cd68db from 0 to 1$/.test(l))).toBe(true);
    expect(lines.some((l) => / Started +Pod\/web-6dc5cd68db-[a-z0-9]{5} +Started container nginx$/.test(l))).toBe(true);
    expect(await s.out('kubectl events --for=deployment/web')).toMatch(
      /^LAST SEEN {3}TYPE {5}REASON {14}OBJECT {11}MESSAGE\n\d+s +Normal {3}ScalingReplicaSet {3}Deployment\/web {3}Scaled up replica set web-6dc5cd68db from 0 to 1\n$/,
    );
    expect(await s.run('kubectl events --types=Warning')).toEqual({ stdout: '', stderr: 'No events found in default namespace.\n', status: 0 });
    expect(await s.out('kubectl events --types=Foo')).toBe('error: valid --types are Normal or Warning\n');
    expect(await s.out('kubectl events --for x')).toBe('error: --for must be in resource/name form\n');
    expect((await s.out('kubectl events -A')).split('\n')[0]).toMatch(/^NAMESPACE +LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
  });
});

describe('kubectl edit', () => {
  it('fails plainly without the playground editor', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    expect(await s.run('kubectl edit deploy/web')).toEqual({
      stdout: '',
      stderr: "error: kubectl edit needs the playground's editor; use kubectl patch or apply here\n",
      status: 1,
    });
  });

  it('applies what was saved in the editor', async () => {
    let edits: Array<(text: string) => string | undefined> = [];
    let seenPath = '';
    let seenText = '';
    const cluster = createCluster({}, { schema: await loadApiSchema() });
    const session = new TerminalSession({
      cluster,
      driver: new HeadlessDriver(cluster),
      edit: async (text, path) => {
        seenText = text;
        seenPath = path;
        return edits.shift()?.(text);
      },
    });
    const run = async (line: string) => {
      let out = '';
      const status = await session.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
      return { out, status };
    };
    await run('kubectl create deployment web --image=nginx');
    edits = [(t) => t.replace('replicas: 1\n', 'replicas: 3\n')];
    expect(await run('kubectl edit deployment web')).toEqual({ out: 'deployment.apps/web edited\n', status: 0 });
    expect(seenPath).toBe('/tmp/kubectl-edit-deployments-web.yaml');
    expect(seenText.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
    expect(seenText).toContain('\napiVersion: apps/v1\nkind: Deployment\n');
    expect(seenText).not.toContain('managedFields');
    expect((await run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).out).toBe('3');
    edits = [(t) => t];
    expect(await run('kubectl edit deployment web')).toEqual({ out: 'Edit cancelled, no changes made.\n', status: 0 });
    edits = [() => undefined];
    expect(await run('kubectl edit deployment web')).toEqual({ out: 'Edit cancelled, no changes made.\n', status: 0 });
    edits = [() => '# only comments\n'];
    expect(await run('kubectl edit deployment web')).toEqual({ out: 'Edit cancelled, saved file was empty.\n', status: 0 });

    // A rejected save reopens the file with the server's reasons; saving it unchanged gives up.
    edits = [(t) => t.replace('replicas: 3\n', 'replicas: -1\n'), (t) => t];
    expect(await run('kubectl edit deployment web')).toEqual({ out: 'error: Edit cancelled, no valid changes were saved.\n', status: 1 });
    expect(seenText).toContain(
      '# reopened with the relevant failures.\n#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n',
    );
    edits = [(t) => t.replace('replicas: 3\n', 'replicas: -1\n'), (t) => t.replace('replicas: -1\n', 'replicas: 2\n')];
    expect(await run('kubectl edit deployment web')).toEqual({ out: 'deployment.apps/web edited\n', status: 0 });
    expect((await run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).out).toBe('2');
  });
});
