/**
 * Host is the worker's side of the protocol: it owns the cluster, the workspace files and the
 * terminal sessions, turns UiRequests into shell runs and cluster actions, and sends back
 * terminal output, batched object deltas, the clock, and apply results.
 *
 * It is an ordinary class (cluster.worker.ts only wires it to `self`), so tests drive it
 * directly with a fake `post`. Pacing: deltas are coalesced (DeltaBatcher) and sent at most
 * once per frame, and the next one waits for the UI's `objects.ack`, so a cluster churning
 * thousands of pods per second cannot flood the main thread.
 */
import type { ApiSchema } from '../core/api/schema/index.ts';
import type { WatchHandle } from '../core/client/client.ts';
import type { SchedulingDecision } from '../core/scheduler/decision.ts';
import { DEFAULT_OPTIONS, type Cluster } from '../core/sim/cluster.ts';
import { createCluster } from '../core/sim/createCluster.ts';
import { checkPersistedState } from '../protocol/codec.ts';
import type { WorkerMessage } from '../protocol/messages.ts';
import { STATE_FORMAT, type JournalEntry, type PersistedState } from '../protocol/persisted.ts';
import type { ClusterRequest, TabId, UiRequest } from '../protocol/requests.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import { RealtimeDriver } from '../session/realtimeDriver.ts';
import { TerminalSession } from '../session/session.ts';
import { MemoryFS } from '../shell/memoryFS.ts';
import { toYAML } from '../kubectl/printers/yaml.ts';
import { ActivityTap } from './activityTap.ts';
import { applyClusterRequest } from './clusterControls.ts';
import { diagnosticsFor } from './diagnostics.ts';
import { EditBroker } from './editBroker.ts';
import { podStatus } from './podStatus.ts';
import { toJsonSchema, type JsonSchema } from './jsonSchema.ts';
import { Outbox } from './outbox.ts';
import { replayJournal } from './replay.ts';
import { RecordingDriver } from './recordingDriver.ts';
import { ReplayDriver, SwitchDriver } from './replayDriver.ts';
import type { StateStore } from './stateStore.ts';
import { TerminalTab } from './terminalTab.ts';
import { isWorkspacePath, readWorkspace, setWorkspace, WORKSPACE_ROOT, writeWorkspaceFile } from './workspace.ts';

/** HostOptions wire a Host to its surroundings. */
export interface HostOptions {
  post(msg: WorkerMessage): void;
  store: StateStore;
  loadSchema?: () => Promise<ApiSchema | undefined>;
  /** wallNow is the wall clock (virtual time follows it, times the speed). */
  wallNow?: () => number;
  /** realtime starts the wall-clock ticker; tests leave it off and move time themselves. */
  realtime?: boolean;
  frameMs?: number;
  saveDelayMs?: number;
  seed?: number;
}

/** schemaGated requests wait for the API schema: they may write objects, which it validates. */
function schemaGated(req: UiRequest): boolean {
  return req.type === 'terminal.input' || req.type === 'editor.apply' || req.type === 'schema.get' || req.type === 'state.import' || req.type.startsWith('cluster.');
}

/** EDITOR_TAB runs the editor's applies, out of sight of the terminals. */
export const EDITOR_TAB = 'editor';
const PERIODIC_SAVE_MS = 5000;

export class Host {
  cluster!: Cluster;
  readonly fs: MemoryFS;
  private realtime!: RealtimeDriver;
  private readonly driver = new SwitchDriver({ sleep: () => Promise.resolve(), waitFor: () => Promise.resolve(false) });
  private readonly tabs = new Map<TabId, TerminalTab>();
  private readonly tabDrivers = new Map<TabId, RecordingDriver>();
  private readonly runningEntries = new Map<TabId, Extract<JournalEntry, { kind: 'run' }>>();
  /** sizes are the terminals' last sizes, kept across a reset so new sessions start with them. */
  private readonly sizes = new Map<TabId, { cols: number; rows: number }>();
  private inspector!: TerminalSession;
  private journal: JournalEntry[] = [];
  private baseFiles: Record<string, string> = {};
  private seed: number;
  private startTime = 0;
  private replaying = false;
  private booted = false;
  private schemaReady = false;
  private readonly early: UiRequest[] = [];
  private watches: WatchHandle[] = [];
  private readonly activity = new ActivityTap(() => this.cluster.now());
  private readonly outbox: Outbox;
  private readonly edits: EditBroker;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSave = 0;
  private lastFiles = '';
  private schema: ApiSchema | undefined;
  private jsonSchema: JsonSchema | undefined;
  private readonly wallNow: () => number;

  constructor(private readonly opts: HostOptions) {
    this.wallNow = opts.wallNow ?? (() => Date.now());
    this.fs = new MemoryFS(() => (this.cluster ? this.cluster.now() : this.wallNow()));
    this.fs.mkdir(WORKSPACE_ROOT, { parents: true });
    this.seed = opts.seed ?? 1;
    const clock = () => ({ now: this.cluster.now(), speed: this.realtime.speed, paused: this.realtime.paused });
    this.outbox = new Outbox((m) => this.post(m), clock, this.wallNow, opts.frameMs, () => {
      if (this.activity.size > 0) this.post({ type: 'activity', records: this.activity.flush() });
    });
    this.edits = new EditBroker((m) => this.post(m), (tab, text) => this.record({ at: this.cluster.now(), kind: 'edit', tab, text }));
  }

  /** boot loads the saved playground (or starts a fresh one) and tells the UI it is ready. */
  async boot(): Promise<void> {
    // The schema (a large data module) loads while the cluster starts: a fresh cluster does not
    // wait for it, but commands do (schemaGated), so strict decoding applies to every journaled
    // command and replays behave the same. A restore needs it before replaying.
    const schemaLoad = (this.opts.loadSchema?.() ?? Promise.resolve(undefined)).catch(() => undefined);
    const blob = await this.opts.store.load().catch(() => undefined);
    let restored = false;
    const version = DEFAULT_OPTIONS.kubernetesVersion;
    if (blob !== undefined && blob !== null) {
      this.schema = await schemaLoad;
      this.schemaReady = true;
      const check = checkPersistedState(blob, version);
      if (check.ok) {
        try {
          await this.restore(check.state);
          restored = true;
        } catch (e) {
          await this.setAside(blob, `replaying it failed (${e instanceof Error ? e.message : String(e)})`);
        }
      } else await this.setAside(blob, check.reason);
    }
    if (!restored) this.startCluster(this.wallNow());
    this.goLive();
    const history = restored ? (this.tabs.get('1')?.session.shell.history.entries ?? []) : [];
    this.post({ type: 'ready', version: PROTOCOL_VERSION, kubernetesVersion: this.cluster.options.kubernetesVersion, restored, history: [...history], files: Object.keys(readWorkspace(this.fs)) });
    this.booted = true;
    this.releaseEarly();
    if (!this.schemaReady) {
      this.schema = await schemaLoad;
      this.cluster.server.schema = this.schema;
      this.schemaReady = true;
      this.releaseEarly();
    }
  }

  private releaseEarly(): void {
    for (const req of this.early.splice(0)) this.handle(req);
  }

  /** handle dispatches one request from the UI. */
  handle(req: UiRequest): void {
    if (!this.booted || (!this.schemaReady && schemaGated(req))) {
      this.early.push(req);
      return;
    }
    switch (req.type) {
      case 'terminal.open':
        this.tab(req.tab).showPrompt();
        return;
      case 'terminal.close':
        this.tabs.get(req.tab)?.abortRunning();
        this.tabs.delete(req.tab);
        this.tabDrivers.delete(req.tab);
        return;
      case 'terminal.input':
        this.tab(req.tab).input(req.line);
        return;
      case 'terminal.interrupt':
        this.tab(req.tab).interrupt();
        return;
      case 'terminal.complete': {
        const { start, candidates } = this.tab(req.tab).session.complete(req.line, req.cursor);
        this.post({ type: 'terminal.completion', id: req.id, start, candidates });
        return;
      }
      case 'terminal.resize':
        // The shell learns the size as bash does (COLUMNS/LINES); xterm reflows what was printed.
        this.sizes.set(req.tab, { cols: req.cols, rows: req.rows });
        this.tab(req.tab).session.shell.setTerminalSize(req.cols, req.rows);
        return;
      case 'workspace.read':
        this.readFile(req.id, req.path);
        return;
      case 'workspace.write':
        if (!isWorkspacePath(this.fs, req.path)) return this.post({ type: 'error', message: `cannot write ${req.path}: outside the workspace` });
        this.record({ at: this.cluster.now(), kind: 'write', path: req.path, content: req.content });
        writeWorkspaceFile(this.fs, req.path, req.content);
        this.checkWorkspace();
        return;
      case 'workspace.delete':
        this.record({ at: this.cluster.now(), kind: 'delete', path: req.path });
        this.fs.rm(this.fs.resolve(req.path, WORKSPACE_ROOT), { force: true });
        this.checkWorkspace();
        return;
      case 'editor.apply':
        void this.apply(req.id, req.path, req.content);
        return;
      case 'edit.response':
        this.edits.answer(req.id, req.text);
        return;
      case 'clock.play':
      case 'clock.pause':
        this.realtime.paused = req.type === 'clock.pause';
        return this.outbox.postClock(true);
      case 'clock.speed':
        this.realtime.speed = Math.min(20, Math.max(0.25, req.speed));
        return this.outbox.postClock(true);
      case 'clock.step':
        this.realtime.step();
        return this.outbox.postClock(true);
      case 'cluster.reset':
        this.reset();
        return;
      case 'cluster.addNode':
      case 'cluster.removeNode':
      case 'cluster.stopNode':
      case 'cluster.startNode':
      case 'cluster.deleteRandomPod':
        this.record({ at: this.cluster.now(), kind: 'cluster', request: req });
        this.post({ type: 'notice', notice: { level: 'info', text: this.control(req) } });
        return;
      case 'objects.ack':
        this.outbox.ack();
        return;
      case 'inspect':
        void this.inspect(req.id, req.ref.group, req.ref.resource, req.ref.namespace, req.ref.name);
        return;
      case 'schema.get':
        this.jsonSchema ??= this.schema ? toJsonSchema(this.schema.data) : undefined;
        this.post({ type: 'schema.json', id: req.id, schema: this.jsonSchema });
        return;
      case 'state.export':
        this.post({ type: 'state.exported', id: req.id, state: this.exportState() });
        return;
      case 'state.import':
        void this.importState(req.state);
        return;
    }
  }

  /** exportState is the playground as saved: seed, journal and files (see replay.ts). */
  exportState(): PersistedState {
    return {
      format: STATE_FORMAT,
      protocolVersion: PROTOCOL_VERSION,
      kubernetesVersion: this.cluster.options.kubernetesVersion,
      savedAt: this.wallNow(),
      seed: this.seed,
      startTime: this.startTime,
      now: this.cluster.now(),
      speed: this.realtime.speed,
      paused: this.realtime.paused,
      journal: this.journal.map((e) => (e.kind === 'run' && !Number.isFinite(e.endAt) ? { ...e, endAt: this.cluster.now(), interrupted: true } : e)),
      baseFiles: this.baseFiles,
      files: readWorkspace(this.fs),
      history: [...(this.tabs.get('1')?.session.shell.history.entries ?? [])],
    };
  }

  /** flush sends what is pending now (tests call it instead of waiting a frame). */
  flush(): void {
    this.outbox.flush();
  }

  /** dispose stops the ticker and the timers. */
  dispose(): void {
    this.realtime?.stop();
    this.outbox.dispose();
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }

  /** startCluster builds a fresh cluster whose clock starts at the wall time `startWall`. */
  private startCluster(startWall: number, seed = this.seed): void {
    // The default cluster runs settleMs after bootstrap (system pods minutes old); start the
    // clock that much earlier so the playground's clock shows the person's time of day.
    const settleMs = 10 * 60_000;
    this.seed = seed;
    this.startTime = Math.floor((startWall - settleMs) / 1000) * 1000;
    this.cluster = createCluster({ seed, startTime: this.startTime, settleMs }, { schema: this.schema });
    this.realtime = new RealtimeDriver(this.cluster, this.wallNow);
    this.realtime.onTick = () => this.onTick();
    this.inspector = new TerminalSession({ cluster: this.cluster, driver: this.driver, fs: this.fs });
    this.watchAll();
  }

  private async restore(state: PersistedState): Promise<void> {
    this.seed = state.seed;
    const settleMs = 10 * 60_000;
    this.startTime = state.startTime;
    this.cluster = createCluster({ seed: state.seed, startTime: state.startTime, settleMs }, { schema: this.schema });
    this.realtime = new RealtimeDriver(this.cluster, this.wallNow);
    this.realtime.onTick = () => this.onTick();
    this.inspector = new TerminalSession({ cluster: this.cluster, driver: this.driver, fs: this.fs });
    setWorkspace(this.fs, state.baseFiles ?? {});
    this.baseFiles = state.baseFiles ?? {};
    const replay = new ReplayDriver(this.cluster);
    this.driver.current = replay;
    this.replaying = true;
    this.outbox.held = true;
    this.edits.replaying = true;
    try {
      await replayJournal(
        {
          driver: replay,
          tab: (id) => this.tab(id),
          prepareRun: (id, wakes) => {
            const d = this.tabDrivers.get(id);
            if (d) d.wakes = wakes;
          },
          writeFile: (p, c) => writeWorkspaceFile(this.fs, p, c),
          deleteFile: (p) => this.fs.rm(this.fs.resolve(p, WORKSPACE_ROOT), { force: true }),
          control: (req) => this.control(req),
          deliverEdit: (tab, text) => this.edits.deliver(tab, text),
        },
        state.journal,
        state.now,
      );
    } finally {
      this.replaying = false;
      this.outbox.held = false;
      this.edits.replaying = false;
    }
    this.journal = [...state.journal];
    setWorkspace(this.fs, state.files);
    for (const line of state.history ?? []) this.tab('1').session.shell.history.add(line);
    this.realtime.speed = state.speed ?? 1;
    this.realtime.paused = state.paused ?? false;
    this.watchAll();
  }

  /** goLive hands time to the wall clock. */
  private goLive(): void {
    this.driver.current = this.realtime;
    if (this.opts.realtime !== false) this.realtime.start();
    this.lastFiles = JSON.stringify(Object.keys(readWorkspace(this.fs)));
  }

  private reset(): void {
    for (const tab of this.tabs.values()) tab.abortRunning();
    this.realtime.stop();
    for (const w of this.watches) w.stop();
    this.watches = [];
    this.outbox.reset();
    this.activity.reset();
    this.post({ type: 'objects.reset' });
    const keep = new Map([...this.tabs].map(([id, t]) => [id, t.session.shell.history.entries]));
    this.tabs.clear();
    this.tabDrivers.clear();
    this.runningEntries.clear();
    this.startCluster(this.wallNow());
    this.journal = [];
    this.baseFiles = readWorkspace(this.fs);
    this.goLive();
    for (const [id, history] of keep) {
      if (id === EDITOR_TAB) continue;
      const tab = this.tab(id);
      for (const line of history) tab.session.shell.history.add(line);
      this.outbox.output(id, '\nThe cluster was reset: a fresh Kubernetes v1.32 cluster is ready.\n');
      tab.showPrompt();
    }
    this.outbox.postClock(true);
    this.markDirty();
  }

  private async importState(state: PersistedState): Promise<void> {
    const check = checkPersistedState(state, this.cluster.options.kubernetesVersion);
    if (!check.ok) return this.post({ type: 'notice', notice: { level: 'error', text: `Cannot import that state: ${check.reason}.` } });
    await this.opts.store.save(check.state);
    this.post({ type: 'notice', notice: { level: 'info', text: 'State imported: reload the page to open it.' } });
  }

  private tab(id: TabId): TerminalTab {
    let tab = this.tabs.get(id);
    if (!tab) {
      const driver = new RecordingDriver(this.driver, this.cluster);
      driver.onWake = (at) => {
        const entry = this.runningEntries.get(id);
        if (entry && !this.replaying) (entry.wakes ??= []).push(at);
      };
      this.tabDrivers.set(id, driver);
      const session = new TerminalSession({ cluster: this.cluster, driver, fs: this.fs, edit: (text, path) => this.edits.open(id, text, path) });
      tab = new TerminalTab(session, {
        output: (data) => this.outbox.output(id, data),
        prompt: (prompt, continuation) => {
          this.outbox.flushOutput(id);
          this.post({ type: 'terminal.prompt', tab: id, prompt, continuation });
        },
        runStarted: (input) => this.runStarted(id, input),
      });
      this.tabs.set(id, tab);
      const size = this.sizes.get(id);
      if (size) session.shell.setTerminalSize(size.cols, size.rows);
    }
    return tab;
  }

  private runStarted(tab: TabId, input: string): (interrupted: boolean) => void {
    if (this.replaying) return () => undefined;
    const entry: Extract<JournalEntry, { kind: 'run' }> = { at: this.cluster.now(), kind: 'run', tab, input, endAt: Number.NaN };
    this.record(entry);
    this.runningEntries.set(tab, entry);
    return (interrupted) => {
      this.runningEntries.delete(tab);
      entry.endAt = this.cluster.now();
      if (interrupted) entry.interrupted = true;
      this.checkWorkspace();
      this.markDirty();
      this.outbox.schedule();
    };
  }

  private record(entry: JournalEntry): void {
    if (this.replaying) return;
    this.journal.push(entry);
    this.markDirty();
  }

  private control(req: ClusterRequest): string {
    if (req.type === 'cluster.reset') return '';
    return applyClusterRequest(this.cluster, req);
  }

  private async apply(id: number, path: string, content: string): Promise<void> {
    if (!isWorkspacePath(this.fs, path)) {
      return this.post({ type: 'apply.result', id, path, status: 1, output: `error: ${path} is outside the workspace\n`, diagnostics: [] });
    }
    this.record({ at: this.cluster.now(), kind: 'write', path, content });
    writeWorkspaceFile(this.fs, path, content);
    let output = '';
    const rel = path.replace(/'/g, `'\\''`);
    const status = await this.tab(EDITOR_TAB).run(`kubectl apply -f '${rel}'`, (d) => (output += d));
    const diagnostics = status === 0 ? [] : diagnosticsFor(output, content);
    this.post({ type: 'apply.result', id, path, status, output, diagnostics });
  }

  private readFile(id: number, path: string): void {
    try {
      this.post({ type: 'workspace.content', id, path, content: this.fs.read(this.fs.resolve(path, WORKSPACE_ROOT)) });
    } catch (e) {
      this.post({ type: 'workspace.content', id, path, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private checkWorkspace(): void {
    const files = Object.keys(readWorkspace(this.fs));
    const key = JSON.stringify(files);
    if (key === this.lastFiles) return;
    this.lastFiles = key;
    this.post({ type: 'workspace.files', files });
  }

  private async inspect(id: number, group: string, resource: string, namespace: string, name: string): Promise<void> {
    const object = this.cluster.client().tryGet({ group, resource }, namespace, name);
    let describe = '';
    const target = group ? `${resource}.${group}` : resource;
    const ns = namespace ? ` -n '${namespace}'` : '';
    await this.inspector.run(`kubectl describe ${target} '${name}'${ns}`, { stdout: (d) => (describe += d), stderr: (d) => (describe += d) });
    // The YAML is kubectl's printer on the stored object; the decision record answers
    // "why this node / why Pending" (src/core/scheduler/decision.ts).
    const yaml = object ? toYAML(object) : undefined;
    const scheduler = group === '' && resource === 'pods' ? this.cluster.services.get('scheduler') : undefined;
    const scheduling = (scheduler as { decisionFor?(ns: string, n: string): SchedulingDecision | undefined } | undefined)?.decisionFor?.(namespace, name);
    this.post({ type: 'inspect.result', id, object, describe, ...(yaml ? { yaml } : {}), ...(scheduling ? { scheduling } : {}) });
  }

  private watchAll(): void {
    for (const w of this.watches) w.stop();
    this.watches = [];
    const client = this.cluster.client('kubeplay-ui');
    this.activity.attach(this.cluster.loop);
    for (const def of client.discovery()) {
      // Leases renew every 10 s per node: noise for every panel, so they are not sent.
      if (def.resource === 'leases' || !def.verbs.includes('watch')) continue;
      if (def.group === 'events.k8s.io') continue; // the same Events as core v1
      const { group, resource } = def;
      this.watches.push(client.watch({ group, resource }, undefined, {}, (ev) => {
        if (ev.type === 'ADDED' || ev.type === 'MODIFIED' || ev.type === 'DELETED') {
          this.activity.observe(ev.type, ev.object);
          const status = group === '' && resource === 'pods' ? { podStatus: podStatus(ev.object, this.cluster.now()) } : {};
          this.outbox.event({ type: ev.type, group, resource, object: ev.object, ...status });
        }
      }));
    }
    this.cluster.settle();
  }

  private onTick(): void {
    this.outbox.schedule();
    if (this.wallNow() - this.lastSave > PERIODIC_SAVE_MS && !this.realtime.paused) this.markDirty();
  }

  private markDirty(): void {
    if (this.saveTimer !== undefined || this.replaying) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.lastSave = this.wallNow();
      void this.opts.store.save(this.exportState()).catch((e: unknown) => {
        this.post({ type: 'notice', notice: { level: 'warning', text: `Could not save the playground: ${String(e)}` } });
      });
    }, this.opts.saveDelayMs ?? 500);
  }

  private async setAside(blob: unknown, reason: string): Promise<void> {
    const key = await this.opts.store.setAside(blob, reason).catch(() => 'nowhere (saving failed)');
    this.post({
      type: 'notice',
      notice: { level: 'warning', text: `Your saved playground could not be opened: ${reason}. It was kept in this browser's storage under "${key}", and a fresh cluster was started.` },
    });
  }

  private post(msg: WorkerMessage): void {
    this.opts.post(msg);
  }
}
