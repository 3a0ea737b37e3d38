import { describe, expect, it } from 'vitest';
import { loadApiSchema } from '../core/api/schema/index.ts';
import type { WorkerMessage } from '../protocol/messages.ts';
import type { PersistedState } from '../protocol/persisted.ts';
import { Host } from './host.ts';
import { MemoryStateStore } from './stateStore.ts';

const WALL = Date.UTC(2026, 2, 1, 12, 0, 0);

function newHost(store = new MemoryStateStore()) {
  const sent: WorkerMessage[] = [];
  const host = new Host({ post: (m) => sent.push(m), store, loadSchema: loadApiSchema, realtime: false, wallNow: () => WALL, saveDelayMs: 0 });
  return { host, sent, store };
}

/** runLine types a line in tab 1 and resolves with the output once the prompt is back. */
async function runLine(host: Host, sent: WorkerMessage[], line: string): Promise<string> {
  const from = sent.length;
  host.handle({ type: 'terminal.input', tab: '1', line });
  for (const until = Date.now() + 15_000; Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 2));
    const after = sent.slice(from);
    if (after.some((m) => m.type === 'terminal.prompt')) {
      return after.filter((m) => m.type === 'terminal.output').map((m) => (m as { data: string }).data).join('');
    }
  }
  throw new Error(`no prompt after ${line}`);
}

describe('Host', () => {
  it('boots a cluster and answers a terminal line with kubectl output', async () => {
    const { host, sent } = newHost();
    await host.boot();
    expect(sent[0]).toMatchObject({ type: 'ready', restored: false, kubernetesVersion: 'v1.32.2' });
    host.handle({ type: 'terminal.open', tab: '1' });
    expect(sent.at(-1)).toEqual({ type: 'terminal.prompt', tab: '1', prompt: 'controlplane:~$ ', continuation: false });
    const out = await runLine(host, sent, 'kubectl get nodes');
    expect(out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(out).toMatch(/controlplane\s+Ready\s+control-plane/);
    expect(out).toMatch(/node01\s+Ready\s+<none>/);
    host.dispose();
  });

  it('gives the terminal size to the shell of its tab, also after a reset', async () => {
    const { host, sent } = newHost();
    await host.boot();
    host.handle({ type: 'terminal.open', tab: '1' });
    host.handle({ type: 'terminal.resize', tab: '1', cols: 132, rows: 41 });
    expect(await runLine(host, sent, 'echo $COLUMNS $LINES')).toBe('132 41\n');
    host.handle({ type: 'cluster.reset' });
    expect(await runLine(host, sent, 'echo $COLUMNS')).toBe('132\n');
    host.dispose();
  });

  it('asks for more input while a quote is open', async () => {
    const { host, sent } = newHost();
    await host.boot();
    host.handle({ type: 'terminal.input', tab: '1', line: 'echo "a' });
    expect(sent.at(-1)).toEqual({ type: 'terminal.prompt', tab: '1', prompt: '> ', continuation: true });
    expect(await runLine(host, sent, 'b"')).toBe('a\nb\n');
    host.dispose();
  });

  it('sends watch results as one coalesced delta until the UI acks', async () => {
    const { host, sent } = newHost();
    await host.boot();
    host.flush();
    const first = sent.filter((m) => m.type === 'objects.delta');
    expect(first).toHaveLength(1);
    const nodes = first[0].type === 'objects.delta' ? first[0].delta.added.filter((w) => w.resource === 'nodes').map((w) => w.object.metadata.name) : [];
    expect(nodes.sort()).toEqual(['controlplane', 'node01', 'node02']);
    await runLine(host, sent, 'kubectl create deployment web --image=nginx --replicas=3');
    host.flush();
    expect(sent.filter((m) => m.type === 'objects.delta')).toHaveLength(1);
    host.handle({ type: 'objects.ack' });
    host.flush();
    const second = sent.filter((m) => m.type === 'objects.delta')[1];
    expect(second.type === 'objects.delta' && second.delta.added.some((w) => w.key === 'apps/deployments/default/web')).toBe(true);
    host.dispose();
  });

  it('restores the cluster and the workspace by replaying the journal', async () => {
    const { host, sent, store } = newHost();
    await host.boot();
    host.handle({ type: 'workspace.write', path: 'notes.txt', content: 'hello\n' });
    await runLine(host, sent, 'kubectl create deployment web --image=nginx --replicas=3');
    host.cluster.advance(60_000);
    const pods = await runLine(host, sent, 'kubectl get pods -o name');
    const state: PersistedState = host.exportState();
    await store.save(state);
    host.dispose();

    const again = newHost(store);
    await again.host.boot();
    expect(again.sent[0]).toMatchObject({ type: 'ready', restored: true, files: ['notes.txt'] });
    expect(again.host.cluster.now()).toBe(state.now);
    expect(await runLine(again.host, again.sent, 'kubectl get pods -o name')).toBe(pods);
    expect(await runLine(again.host, again.sent, 'cat notes.txt')).toBe('hello\n');
    again.host.dispose();
  });

  it('sets aside a state from another version with a visible notice', async () => {
    const store = new MemoryStateStore();
    store.current = { format: 'kubeplay-state', protocolVersion: 0, journal: [] };
    const { host, sent } = newHost(store);
    await host.boot();
    const notice = sent.find((m) => m.type === 'notice');
    expect(notice && notice.type === 'notice' && notice.notice.text).toMatch(/saved by kubeplay state version 0, this is version 1/);
    expect([...store.aside.values()][0].blob).toMatchObject({ protocolVersion: 0 });
    host.dispose();
  });

  it('applies an editor file and pins the server error to its line', async () => {
    const { host, sent } = newHost();
    await host.boot();
    const content = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: ""\n';
    host.handle({ type: 'editor.apply', id: 7, tab: 'editor', path: 'bad.yaml', content });
    for (const until = Date.now() + 15_000; Date.now() < until && !sent.some((m) => m.type === 'apply.result'); ) await new Promise((r) => setTimeout(r, 2));
    const result = sent.find((m) => m.type === 'apply.result');
    expect(result).toMatchObject({ type: 'apply.result', id: 7, path: 'bad.yaml' });
    if (result?.type !== 'apply.result') throw new Error('no apply.result');
    expect(result.status).toBe(1);
    expect(result.output).toContain('spec.containers[0].image: Required value');
    expect(result.diagnostics[0]).toMatchObject({ line: 8, path: 'spec.containers[0].image' });
    host.dispose();
  });
});

describe('Host: kubectl edit', () => {
  it('opens the live object in the editor and applies what the person saved', async () => {
    const { host, sent } = newHost();
    await host.boot();
    await runLine(host, sent, 'kubectl create deployment web --image=nginx');
    const from = sent.length;
    host.handle({ type: 'terminal.input', tab: '1', line: 'kubectl edit deployment web' });
    let open: WorkerMessage | undefined;
    for (const until = Date.now() + 15_000; Date.now() < until && !open; ) {
      await new Promise((r) => setTimeout(r, 2));
      open = sent.slice(from).find((m) => m.type === 'edit.open');
    }
    if (open?.type !== 'edit.open') throw new Error('no edit.open');
    expect(open.text).toMatch(/^# Please edit the object below/);
    expect(open.text).toContain('replicas: 1');
    const after = sent.length;
    host.handle({ type: 'edit.response', id: open.id, text: open.text.replace('replicas: 1', 'replicas: 2') });
    for (const until = Date.now() + 15_000; Date.now() < until && !sent.slice(after).some((m) => m.type === 'terminal.prompt'); ) await new Promise((r) => setTimeout(r, 2));
    host.flush();
    const out = sent.slice(after).filter((m) => m.type === 'terminal.output').map((m) => (m as { data: string }).data).join('');
    expect(out).toBe('deployment.apps/web edited\n');
    expect(host.exportState().journal.some((e) => e.kind === 'edit')).toBe(true);
    host.dispose();
  });
});

describe('Host: replay of waits and cluster controls', () => {
  it('replays a command that slept before writing, and an added node', async () => {
    const { host, sent, store } = newHost();
    await host.boot();
    host.handle({ type: 'cluster.addNode' });
    host.handle({ type: 'terminal.input', tab: '1', line: 'sleep 5; kubectl create configmap later' });
    for (let i = 0; i < 50; i++) {
      host.cluster.advance(200);
      host.handle({ type: 'clock.step' });
      await new Promise((r) => setTimeout(r, 2));
    }
    const live = await runLine(host, sent, 'kubectl get configmap later -o jsonpath={.metadata.creationTimestamp}; kubectl get nodes -o name');
    expect(live).toContain('node/node03');
    await store.save(host.exportState());
    host.dispose();

    const again = newHost(store);
    await again.host.boot();
    expect(await runLine(again.host, again.sent, 'kubectl get configmap later -o jsonpath={.metadata.creationTimestamp}; kubectl get nodes -o name')).toBe(live);
    again.host.dispose();
  });
});
