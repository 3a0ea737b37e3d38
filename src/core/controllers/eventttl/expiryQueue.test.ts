import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../sim/clock.ts';
import { ExpiryQueue } from './expiryQueue.ts';

/** advanceTo moves the clock as the sim loop does: set the time, fire what is due. */
function advanceTo(clock: VirtualClock, t: number): void {
  clock.setTime(t);
  clock.fireDue();
}

describe('ExpiryQueue', () => {
  it('fires keys at their time, earliest first, same-time keys in insertion order, with one timer', () => {
    const clock = new VirtualClock(0);
    const fired: string[] = [];
    const q = new ExpiryQueue(clock, (ns, k) => fired.push(`${clock.now()}:${ns}/${k}`));
    q.add('ns', 'b', 20);
    q.add('ns', 'c', 30);
    q.add('ns', 'a', 10); // out of order: inserted before b
    q.add('ns', 'b2', 20);
    expect(q.size).toBe(4);
    expect(clock.pendingTimers()).toBe(1);
    advanceTo(clock, 10);
    advanceTo(clock, 19);
    expect(fired).toEqual(['10:ns/a']);
    advanceTo(clock, 20);
    advanceTo(clock, 40);
    expect(fired).toEqual(['10:ns/a', '20:ns/b', '20:ns/b2', '40:ns/c']);
    expect(q.size).toBe(0);
  });

  it('keeps firing after many keys have gone (compaction)', () => {
    const clock = new VirtualClock(0);
    let n = 0;
    const q = new ExpiryQueue(clock, () => n++);
    for (let i = 1; i <= 3000; i++) q.add('ns', `k${i}`, i);
    advanceTo(clock, 2500);
    expect(n).toBe(2500);
    q.add('ns', 'late', 2600);
    advanceTo(clock, 5000);
    expect(n).toBe(3001);
    expect(q.size).toBe(0);
  });
});
