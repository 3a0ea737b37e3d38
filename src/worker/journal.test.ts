import { describe, expect, it } from 'vitest';
import { Journal } from './journal.ts';

describe('Journal', () => {
  it('records runs with their wakes and end, and marks a run still going as interrupted in a snapshot', () => {
    let changes = 0;
    let now = 1000;
    const j = new Journal(() => changes++);
    const finish = j.runStarted('1', 'sleep 5', () => now);
    j.wake('1', 6000);
    expect(j.snapshot(2000)).toEqual([{ at: 1000, kind: 'run', tab: '1', input: 'sleep 5', endAt: 2000, interrupted: true, wakes: [6000] }]);
    now = 6000;
    finish(false);
    j.record({ at: 7000, kind: 'write', path: 'a.yaml', content: 'x' });
    expect(j.snapshot(9000)).toEqual([
      { at: 1000, kind: 'run', tab: '1', input: 'sleep 5', endAt: 6000, wakes: [6000] },
      { at: 7000, kind: 'write', path: 'a.yaml', content: 'x' },
    ]);
    expect(changes).toBe(3);
  });

  it('records nothing while replaying, and starts over on replace', () => {
    const j = new Journal(() => undefined);
    j.replaying = true;
    j.record({ at: 1, kind: 'delete', path: 'a' });
    j.runStarted('1', 'ls', () => 1)(false);
    expect(j.snapshot(5)).toEqual([]);
    j.replaying = false;
    j.replace([{ at: 2, kind: 'delete', path: 'b' }]);
    expect(j.snapshot(5)).toEqual([{ at: 2, kind: 'delete', path: 'b' }]);
    j.replace();
    expect(j.snapshot(5)).toEqual([]);
  });
});
