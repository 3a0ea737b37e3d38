/**
 * Host is the worker's side of the protocol: it owns the cluster, the workspace files and the
 * terminal sessions, turns UiRequests into shell runs and cluster actions, and sends back
 * terminal output, batched object deltas, the clock, and apply results.
 *
 * It is an ordinary class (cluster.worker.ts only wires it to `self`), so tests drive it
 * directly with a fake `post`. Each job is its own module; Host dispatches requests and runs
 * the playground's life (boot, reset, restore):
 *
 * - clusterLifecycle.ts makes the cluster, its realtime driver and the inspector's session;
 * - clusterWatches.ts subscribes to every served resource; outbox.ts paces what leaves
 *   (deltas coalesced, at most one message per frame, the next after the UI's ack);
 * - terminalTabs.ts holds the terminals; workspaceRequests.ts serves the editor's files;
 * - journal.ts records what changed the playground and autosave.ts saves it; replay.ts
 *   rebuilds it on load.
 */
import type { ApiSchema } from '../core/api/schema/index.ts';
import { schemaGated, type HostOptions } from './hostOptions.ts';
import { DEFAULT_OPTIONS, type Cluster } from '../core/sim/cluster.ts';
import { checkPersistedState } from '../protocol/codec.ts';
import type { WorkerMessage } from '../protocol/messages.ts';
import { STATE_FORMAT, type PersistedState } from '../protocol/persisted.ts';
import type { ClusterRequest, UiRequest } from '../protocol/requests.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';
import type { RealtimeDriver } from '../session/realtimeDriver.ts';
import type { TerminalSession } from '../session/session.ts';
import { MemoryFS } from '../shell/memoryFS.ts';
import { ActivityTap } from './activityTap.ts';
import { Autosave } from './autosave.ts';
import { makeLiveCluster, startTimeFor } from './clusterLifecycle.ts';
import { applyClockRequest, applyClusterRequest } from './clusterControls.ts';
import { ClusterWatches } from './clusterWatches.ts';
import { EditBroker } from './editBroker.ts';
import { inspectObject } from './inspect.ts';
import { Journal } from './journal.ts';
import { toJsonSchema, type JsonSchema } from './jsonSchema.ts';
import { Outbox } from './outbox.ts';
import { replayJournal } from './replay.ts';
import { ReplayDriver, SwitchDriver } from './replayDriver.ts';
import { TerminalTabs } from './terminalTabs.ts';
import { isWorkspacePath, readWorkspace, setWorkspace, WORKSPACE_ROOT, writeWorkspaceFile } from './workspace.ts';
import { EDITOR_TAB, WorkspaceRequests } from './workspaceRequests.ts';

export { EDITOR_TAB } from './workspaceRequests.ts';
export type { HostOptions } from './hostOptions.ts';

export class Host {
  cluster!: Cluster;
  readonly fs: MemoryFS;
  private realtime!: RealtimeDriver;
  private inspector!: TerminalSession;
  private readonly driver = new SwitchDriver({ sleep: () => Promise.resolve(), waitFor: () => Promise.resolve(false) });
  private readonly tabs: TerminalTabs;
  private readonly journal: Journal;
  private readonly autosave: Autosave;
  private readonly watches = new ClusterWatches();
  private readonly workspace: WorkspaceRequests;
  private baseFiles: Record<string, string> = {};
  private seed: number;
  private startTime = 0;
  private replaying = false;
  private booted = false;
  private schemaReady = false;
  private readonly early: UiRequest[] = [];
  private readonly activity = new ActivityTap(() => this.cluster.now());
  private readonly outbox: Outbox;
  private readonly edits: EditBroker;
  private schema: ApiSchema | undefined;
  private jsonSchema: JsonSchema | undefined;
  private readonly wallNow: () => number;

  constructor(private readonly opts: HostOptions) {
    this.wallNow = opts.wallNow ?? (() => Date.now());
    this.fs = new MemoryFS(() => (this.cluster ? this.cluster.now() : this.wallNow()));
    this.fs.mkdir(WORKSPACE_ROOT, { parents: true });
    this.seed = opts.seed ?? 1;
    const post = (m: WorkerMessage) => this.post(m);
    const clock = () => ({ now: this.cluster.now(), speed: this.realtime.speed, paused: this.realtime.paused });
    this.outbox = new Outbox(post, clock, this.wallNow, opts.frameMs, () => {
      if (this.activity.size > 0) this.post({ type: 'activity', records: this.activity.flush() });
    });
    this.autosave = new Autosave({ store: opts.store, wallNow: this.wallNow, post, exportState: () => this.exportState(), paused: () => this.replaying, delayMs: opts.saveDelayMs });
    this.journal = new Journal(() => this.autosave.markDirty());
    this.edits = new EditBroker(post, (tab, text) => this.journal.record({ at: this.cluster.now(), kind: 'edit', tab, text }));
    this.workspace = new WorkspaceRequests(this.fs, post);
    this.tabs = new TerminalTabs({
      cluster: () => this.cluster,
      driver: this.driver,
      fs: this.fs,
      output: (tab, data) => this.outbox.output(tab, data),
      prompt: (tab, prompt, continuation) => {
        this.outbox.flushOutput(tab);
        this.post({ type: 'terminal.prompt', tab, prompt, continuation });
      },
      runStarted: (tab, input) => {
        // A replayed entry is already in the journal, and its effects are not news to the UI.
        if (this.replaying) return () => undefined;
        const finish = this.journal.runStarted(tab, input, () => this.cluster.now());
        return (interrupted) => {
          finish(interrupted);
          this.workspace.checkFiles();
          this.outbox.schedule();
        };
      },
      wake: (tab, at) => this.journal.wake(tab, at),
      edit: (tab, text, path) => this.edits.open(tab, text, path),
    });
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
          await this.autosave.setAside(blob, `replaying it failed (${e instanceof Error ? e.message : String(e)})`);
        }
      } else await this.autosave.setAside(blob, check.reason);
    }
    if (!restored) this.startCluster(this.wallNow());
    this.goLive();
    const history = restored ? this.tabs.history('1') : [];
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
        this.tabs.get(req.tab).showPrompt();
        return;
      case 'terminal.close':
        this.tabs.close(req.tab);
        return;
      case 'terminal.input':
        this.tabs.get(req.tab).input(req.line);
        return;
      case 'terminal.interrupt':
        this.tabs.get(req.tab).interrupt();
        return;
      case 'terminal.complete': {
        const { start, candidates } = this.tabs.get(req.tab).session.complete(req.line, req.cursor);
        this.post({ type: 'terminal.completion', id: req.id, start, candidates });
        return;
      }
      case 'terminal.resize':
        // The shell learns the size as bash does (COLUMNS/LINES); xterm reflows what was printed.
        this.tabs.resize(req.tab, req.cols, req.rows);
        return;
      case 'workspace.read':
        this.workspace.read(req.id, req.path);
        return;
      case 'workspace.write':
        if (!isWorkspacePath(this.fs, req.path)) return this.post({ type: 'error', message: `cannot write ${req.path}: outside the workspace` });
        this.journal.record({ at: this.cluster.now(), kind: 'write', path: req.path, content: req.content });
        writeWorkspaceFile(this.fs, req.path, req.content);
        this.workspace.checkFiles();
        return;
      case 'workspace.delete':
        this.journal.record({ at: this.cluster.now(), kind: 'delete', path: req.path });
        this.fs.rm(this.fs.resolve(req.path, WORKSPACE_ROOT), { force: true });
        this.workspace.checkFiles();
        return;
      case 'editor.apply':
        void this.workspace.apply(req.id, req.path, req.content, {
          recordWrite: (path, content) => this.journal.record({ at: this.cluster.now(), kind: 'write', path, content }),
          run: (line, out) => this.tabs.get(EDITOR_TAB).run(line, out),
        });
        return;
      case 'edit.response':
        this.edits.answer(req.id, req.text);
        return;
      case 'clock.play':
      case 'clock.pause':
      case 'clock.speed':
      case 'clock.step':
        applyClockRequest(this.realtime, req);
        return this.outbox.postClock(true);
      case 'cluster.reset':
        this.reset();
        return;
      case 'cluster.addNode':
      case 'cluster.removeNode':
      case 'cluster.stopNode':
      case 'cluster.startNode':
      case 'cluster.deleteRandomPod':
        this.journal.record({ at: this.cluster.now(), kind: 'cluster', request: req });
        this.post({ type: 'notice', notice: { level: 'info', text: this.control(req) } });
        return;
      case 'objects.ack':
        this.outbox.ack();
        return;
      case 'inspect':
        void inspectObject(this.cluster, this.inspector, req.id, req.ref).then((m) => this.post(m));
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
      journal: this.journal.snapshot(this.cluster.now()),
      baseFiles: this.baseFiles,
      files: readWorkspace(this.fs),
      history: [...this.tabs.history('1')],
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
    this.autosave.dispose();
  }

  /** useCluster makes a cluster (seed, start time) the live one, with its driver and inspector. */
  private useCluster(seed: number, startTime: number): void {
    this.seed = seed;
    this.startTime = startTime;
    ({ cluster: this.cluster, realtime: this.realtime, inspector: this.inspector } = makeLiveCluster({
      seed,
      startTime,
      schema: this.schema,
      wallNow: this.wallNow,
      fs: this.fs,
      driver: this.driver,
      onTick: () => this.onTick(),
    }));
  }

  /** startCluster builds a fresh cluster whose settled clock reads the wall time `startWall`. */
  private startCluster(startWall: number): void {
    this.useCluster(this.seed, startTimeFor(startWall));
    this.watchAll();
  }

  private async restore(state: PersistedState): Promise<void> {
    this.useCluster(state.seed, state.startTime);
    setWorkspace(this.fs, state.baseFiles ?? {});
    this.baseFiles = state.baseFiles ?? {};
    const replay = new ReplayDriver(this.cluster);
    this.driver.current = replay;
    this.setReplaying(true);
    try {
      await replayJournal(
        {
          driver: replay,
          tab: (id) => this.tabs.get(id),
          prepareRun: (id, wakes) => this.tabs.prepareRun(id, wakes),
          writeFile: (p, c) => writeWorkspaceFile(this.fs, p, c),
          deleteFile: (p) => this.fs.rm(this.fs.resolve(p, WORKSPACE_ROOT), { force: true }),
          control: (req) => this.control(req),
          deliverEdit: (tab, text) => this.edits.deliver(tab, text),
        },
        state.journal,
        state.now,
      );
    } finally {
      this.setReplaying(false);
    }
    this.journal.replace(state.journal);
    setWorkspace(this.fs, state.files);
    for (const line of state.history ?? []) this.tabs.get('1').session.shell.history.add(line);
    this.realtime.speed = state.speed ?? 1;
    this.realtime.paused = state.paused ?? false;
    this.watchAll();
  }

  /** setReplaying switches everything that must not act on a replay's re-run (journal, output, saves, edits). */
  private setReplaying(on: boolean): void {
    this.replaying = on;
    this.journal.replaying = on;
    this.outbox.held = on;
    this.edits.replaying = on;
  }

  /** goLive hands time to the wall clock. */
  private goLive(): void {
    this.driver.current = this.realtime;
    if (this.opts.realtime !== false) this.realtime.start();
    this.workspace.markSeen();
  }

  private reset(): void {
    this.tabs.abortAll();
    this.realtime.stop();
    this.watches.stop();
    this.outbox.reset();
    this.activity.reset();
    this.post({ type: 'objects.reset' });
    const kept = this.tabs.drop();
    this.journal.replace();
    this.startCluster(this.wallNow());
    this.baseFiles = readWorkspace(this.fs);
    this.goLive();
    for (const [id, history] of kept) {
      if (id === EDITOR_TAB) continue;
      const tab = this.tabs.get(id);
      for (const line of history) tab.session.shell.history.add(line);
      this.outbox.output(id, '\nThe cluster was reset: a fresh Kubernetes v1.32 cluster is ready.\n');
      tab.showPrompt();
    }
    this.outbox.postClock(true);
    this.autosave.markDirty();
  }

  private async importState(state: PersistedState): Promise<void> {
    const check = checkPersistedState(state, this.cluster.options.kubernetesVersion);
    if (!check.ok) return this.post({ type: 'notice', notice: { level: 'error', text: `Cannot import that state: ${check.reason}.` } });
    await this.opts.store.save(check.state);
    this.post({ type: 'notice', notice: { level: 'info', text: 'State imported: reload the page to open it.' } });
  }

  private control(req: ClusterRequest): string {
    if (req.type === 'cluster.reset') return '';
    return applyClusterRequest(this.cluster, req);
  }

  private watchAll(): void {
    this.activity.attach(this.cluster.loop);
    this.watches.start(this.cluster, (ev) => {
      this.activity.observe(ev.type, ev.object);
      this.outbox.event(ev);
    });
    this.cluster.settle();
  }

  private onTick(): void {
    this.outbox.schedule();
    this.autosave.tick(this.realtime.paused);
  }

  private post(msg: WorkerMessage): void {
    this.opts.post(msg);
  }
}
