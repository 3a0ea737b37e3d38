import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';

describe('VirtualClock', () => {
  it('fires timers in time then insertion order, only when due', () => {
    const clock = new VirtualClock(1000);
    const fired: string[] = [];
    clock.after(20, () => fired.push('b'));
    clock.after(10, () => fired.push('a1'));
    clock.after(10, () => fired.push('a2'));
    const cancelled = clock.after(5, () => fired.push('never'));
    clock.cancel(cancelled);
    expect(clock.fireDue()).toBe(0);
    expect(clock.nextTimerAt()).toBe(1010);
    clock.setTime(1010);
    clock.fireDue();
    expect(fired).toEqual(['a1', 'a2']);
    clock.setTime(1030);
    clock.fireDue();
    expect(fired).toEqual(['a1', 'a2', 'b']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('never moves backwards', () => {
    const clock = new VirtualClock(500);
    clock.setTime(100);
    expect(clock.now()).toBe(500);
  });
});
