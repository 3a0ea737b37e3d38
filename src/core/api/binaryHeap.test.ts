import { describe, expect, it } from 'vitest';
import { BinaryHeap } from './binaryHeap.ts';

describe('BinaryHeap', () => {
  it('pops in the order of a stable sort of what was pushed, between pushes too', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const heap = new BinaryHeap<[number, number]>((a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]));
    const model: Array<[number, number]> = [];
    for (let seq = 0; seq < 2000; seq++) {
      if (rand() < 0.6 || model.length === 0) {
        const item: [number, number] = [Math.floor(rand() * 50), seq];
        heap.push(item);
        model.push(item);
        model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      } else {
        expect(heap.peek()).toBe(model[0]);
        expect(heap.pop()).toBe(model.shift());
      }
      expect(heap.size).toBe(model.length);
    }
  });

  it('pop on an empty heap gives undefined, and retain keeps only what it is told to', () => {
    const heap = new BinaryHeap<number>((a, b) => a < b);
    expect(heap.pop()).toBeUndefined();
    for (const n of [5, 3, 8, 1, 9, 2]) heap.push(n);
    heap.retain((n) => n % 2 === 1);
    const out: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) out.push(n);
    expect(out).toEqual([1, 3, 5, 9]);
  });
});
