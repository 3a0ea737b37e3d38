/**
 * replayJournal rebuilds a saved playground: on a fresh cluster with the saved seed and start
 * time, it moves virtual time to each journal entry and does it again — terminal entries,
 * file writes, cluster controls, answers to `kubectl edit`. The cluster is deterministic for
 * a seed and a sequence of inputs at given instants (DESIGN §4), so the same objects, names
 * and node choices come back. Commands run concurrently as they did live (a `get -w` in one
 * tab while another applies); each is stopped at the instant it ended.
 *
 * Each wait ends at the instant it ended live (RecordingDriver's recorded wakes), so a command
 * that waits and then writes does so at the same virtual time.
 */
import type { JournalEntry } from '../protocol/persisted.ts';
import type { ClusterRequest, TabId } from '../protocol/requests.ts';
import type { ReplayDriver } from './replayDriver.ts';
import type { TerminalTab } from './terminalTab.ts';

/** ReplayTarget is what the replay acts on (the host). */
export interface ReplayTarget {
  driver: ReplayDriver;
  tab(id: TabId): TerminalTab;
  /** prepareRun hands a tab the recorded wake instants of the entry it is about to run. */
  prepareRun(id: TabId, wakes: number[]): void;
  writeFile(path: string, content: string): void;
  deleteFile(path: string): void;
  control(req: ClusterRequest): void;
  /** deliverEdit answers the `kubectl edit` the tab's command is (or will be) waiting on. */
  deliverEdit(tab: TabId, text: string | undefined): void;
}

type Point = { at: number; order: number; start?: JournalEntry; end?: number };

/** replayJournal replays `journal` and leaves the cluster at virtual time `until`. */
export async function replayJournal(target: ReplayTarget, journal: readonly JournalEntry[], until: number): Promise<void> {
  const points: Point[] = [];
  journal.forEach((entry, i) => {
    points.push({ at: entry.at, order: i * 2, start: entry });
    if (entry.kind === 'run') points.push({ at: Number.isFinite(entry.endAt) ? entry.endAt : until, order: i * 2 + 1, end: i });
  });
  points.sort((a, b) => a.at - b.at || a.order - b.order);
  const running = new Map<number, { tab: TerminalTab; done: Promise<number> }>();
  for (const p of points) {
    await target.driver.advanceTo(Math.min(p.at, until));
    if (p.end !== undefined) {
      const run = running.get(p.end);
      if (!run) continue;
      await target.driver.settle();
      const entry = journal[p.end];
      if (entry.kind === 'run' && entry.interrupted) run.tab.abortRunning();
      await Promise.race([run.done, target.driver.settle()]);
      running.delete(p.end);
      continue;
    }
    const e = p.start!;
    switch (e.kind) {
      case 'run': {
        const tab = target.tab(e.tab);
        target.prepareRun(e.tab, [...(e.wakes ?? [])]);
        running.set(p.order / 2, { tab, done: tab.run(e.input, () => undefined) });
        await target.driver.settle();
        break;
      }
      case 'write':
        target.writeFile(e.path, e.content);
        break;
      case 'delete':
        target.deleteFile(e.path);
        break;
      case 'cluster':
        target.control(e.request);
        break;
      case 'edit':
        target.deliverEdit(e.tab, e.text);
        await target.driver.settle();
        break;
    }
  }
  await target.driver.advanceTo(until);
  for (const run of running.values()) run.tab.abortRunning();
  target.driver.releaseAll();
  await Promise.all([...running.values()].map((r) => r.done));
}
