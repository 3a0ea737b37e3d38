/**
 * TerminalTabs are the playground's terminals, by tab id: each a TerminalTab (its own shell
 * session, on the shared workspace) with its own RecordingDriver, so the journal knows when
 * each tab's waits ended. A tab is made the first time anything names it. The last size the
 * UI reported for a tab outlives the tab, so a tab remade after a reset has it too.
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { TabId } from '../protocol/requests.ts';
import { TerminalSession } from '../session/session.ts';
import type { TimeDriver } from '../session/timeDriver.ts';
import type { MemoryFS } from '../shell/memoryFS.ts';
import { RecordingDriver } from './recordingDriver.ts';
import { TerminalTab } from './terminalTab.ts';

/** TabHooks connect the tabs to the host: where output goes, journaling, `kubectl edit`. */
export interface TabHooks {
  cluster(): Cluster;
  /** driver is the host's time (live, or a replay's). */
  driver: TimeDriver;
  fs: MemoryFS;
  output(tab: TabId, data: string): void;
  prompt(tab: TabId, prompt: string, continuation: boolean): void;
  runStarted(tab: TabId, input: string): (interrupted: boolean) => void;
  wake(tab: TabId, at: number): void;
  edit(tab: TabId, text: string, path: string): Promise<string | undefined>;
}

export class TerminalTabs {
  private readonly tabs = new Map<TabId, TerminalTab>();
  private readonly drivers = new Map<TabId, RecordingDriver>();
  private readonly sizes = new Map<TabId, { cols: number; rows: number }>();

  constructor(private readonly hooks: TabHooks) {}

  /** get returns the tab `id`, making it (with a fresh session) if it does not exist yet. */
  get(id: TabId): TerminalTab {
    let tab = this.tabs.get(id);
    if (!tab) {
      const h = this.hooks;
      const cluster = h.cluster();
      const driver = new RecordingDriver(h.driver, cluster);
      driver.onWake = (at) => h.wake(id, at);
      this.drivers.set(id, driver);
      const session = new TerminalSession({ cluster, driver, fs: h.fs, edit: (text, path) => h.edit(id, text, path) });
      tab = new TerminalTab(session, {
        output: (data) => h.output(id, data),
        prompt: (prompt, continuation) => h.prompt(id, prompt, continuation),
        runStarted: (input) => h.runStarted(id, input),
      });
      this.tabs.set(id, tab);
      const size = this.sizes.get(id);
      if (size) session.shell.setTerminalSize(size.cols, size.rows);
    }
    return tab;
  }

  /** close stops what the tab runs and forgets it. */
  close(id: TabId): void {
    this.tabs.get(id)?.abortRunning();
    this.tabs.delete(id);
    this.drivers.delete(id);
  }

  /** resize gives the tab's shell its terminal's size, as bash learns it (COLUMNS/LINES). */
  resize(id: TabId, cols: number, rows: number): void {
    this.sizes.set(id, { cols, rows });
    this.get(id).session.shell.setTerminalSize(cols, rows);
  }

  /** prepareRun hands a tab the recorded wake instants of the entry it replays next. */
  prepareRun(id: TabId, wakes: number[]): void {
    const d = this.drivers.get(id);
    if (d) d.wakes = wakes;
  }

  /** history is the tab's command history (empty for a tab that does not exist). */
  history(id: TabId): readonly string[] {
    return this.tabs.get(id)?.session.shell.history.entries ?? [];
  }

  /** abortAll interrupts every running command. */
  abortAll(): void {
    for (const tab of this.tabs.values()) tab.abortRunning();
  }

  /** drop forgets every tab (their sessions belong to a cluster going away) and returns their histories. */
  drop(): Map<TabId, readonly string[]> {
    const kept = new Map([...this.tabs].map(([id, t]) => [id, t.session.shell.history.entries] as const));
    this.tabs.clear();
    this.drivers.clear();
    return kept;
  }
}
