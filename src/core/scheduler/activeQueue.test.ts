import { describe, expect, it } from 'vitest';
import { ActiveQueue, type ActivePod } from './activeQueue.ts';

/** scan is the SchedulingQueue's former get(): the best active pod by a walk over all of them. */
function scan(pods: ActivePod[]): ActivePod | undefined {
  let best: ActivePod | undefined;
  for (const p of pods) {
    if (p.where !== 'active') continue;
    if (!best || p.priority > best.priority || (p.priority === best.priority && (p.timestamp < best.timestamp || (p.timestamp === best.timestamp && p.seq < best.seq)))) best = p;
  }
  return best;
}

describe('ActiveQueue', () => {
  it('pops what a scan of the active pods picks, through activations, priority changes and removals', () => {
    let state = 12345;
    const rand = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return (state >>> 8) % n;
    };
    for (let round = 0; round < 20; round++) {
      const q = new ActiveQueue<ActivePod>();
      const pods: ActivePod[] = Array.from({ length: 30 }, () => ({ priority: 0, timestamp: 0, seq: 0, where: 'done' }));
      let seq = 0;
      let time = 0;
      for (let step = 0; step < 2000; step++) {
        const p = pods[rand(pods.length)];
        const op = rand(6);
        if (op === 0) time += rand(3);
        if (op <= 1) {
          // (re)activate: a new seq and timestamp, as SchedulingQueue.activate does
          p.where = 'active';
          p.timestamp = time;
          p.seq = seq++;
          q.push(p);
        } else if (op === 2 && p.where === 'active') {
          p.priority = rand(3);
          q.push(p);
        } else if (op === 3) {
          p.where = rand(2) ? 'done' : 'unschedulable';
          q.compact(pods.filter((x) => x.where === 'active').length);
        } else {
          const want = scan(pods);
          const got = q.pop();
          expect(got).toBe(want);
          if (got) got.where = 'in-flight';
        }
      }
    }
  });

  it('drops stale entries when compacting', () => {
    const q = new ActiveQueue<ActivePod>();
    const p: ActivePod = { priority: 0, timestamp: 0, seq: 0, where: 'active' };
    for (let i = 0; i < 3000; i++) {
      p.seq = i;
      q.push(p);
    }
    q.compact(1);
    expect(q.pop()).toBe(p);
    expect(q.pop()).toBeUndefined();
  });
});
