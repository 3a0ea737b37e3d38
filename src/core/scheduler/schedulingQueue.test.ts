import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../sim/clock.ts';
import { backoffDuration, SchedulingQueue } from './schedulingQueue.ts';

describe('SchedulingQueue', () => {
  it('pops higher priority first, then the older pod', () => {
    const clock = new VirtualClock(0);
    const q = new SchedulingQueue(clock);
    q.add('default/a', 0);
    clock.setTime(10);
    q.add('default/b', 100);
    q.add('default/c', 0);
    expect([q.get(), q.get(), q.get(), q.get()]).toEqual(['default/b', 'default/a', 'default/c', undefined]);
  });

  it('backs off 1s doubling to 10s', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffDuration)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('moves unschedulable pods only on events their rejecting plugins care about', () => {
    const clock = new VirtualClock(0);
    const q = new SchedulingQueue(clock);
    q.add('default/a');
    q.get();
    q.markUnschedulable('default/a', ['NodeResourcesFit']);
    q.moveOnEvent((p) => p === 'TaintToleration');
    clock.setTime(5_000);
    clock.fireDue();
    expect(q.len()).toBe(0);
    q.moveOnEvent((p) => p === 'NodeResourcesFit');
    expect(q.get()).toBe('default/a');
  });

  it('flushes pods left unschedulable for more than 5 minutes on the 30 s grid', () => {
    const clock = new VirtualClock(0);
    const q = new SchedulingQueue(clock);
    q.add('default/a');
    q.get();
    q.markUnschedulable('default/a', ['NodeResourcesFit']);
    for (let t = 30_000; t <= 300_000; t += 30_000) {
      clock.setTime(t);
      clock.fireDue();
    }
    expect(q.len()).toBe(0);
    clock.setTime(330_000);
    clock.fireDue();
    expect(q.len()).toBe(1);
  });
});
