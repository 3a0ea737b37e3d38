/**
 * RangeAllocator hands out offsets of a fixed range the way the API server's bitmap
 * allocator does (pkg/registry/core/service/allocator/bitmap.go, "random scan with offset",
 * KEP-3070): the range is split into a small *static* lower band, meant for addresses users
 * pick by hand (10.96.0.10 for kube-dns), and a *dynamic* upper band. A dynamic allocation
 * starts at a random offset of the upper band and scans forward (wrapping), and falls back
 * to the lower band only when the upper one is full. Randomness comes from the seeded
 * cluster Random, so the same seed gives the same ClusterIPs and NodePorts every run.
 */
import type { Random } from '../sim/random.ts';

/** AllocateResult is an offset, or why a specific offset could not be had. */
export type AllocateResult = { ok: true; offset: number } | { ok: false; reason: 'allocated' | 'full' | 'range' };

/** RangeAllocator tracks which offsets of [0, size) are taken. */
export class RangeAllocator {
  private readonly used = new Set<number>();

  /**
   * size is the number of offsets; staticBand is the size of the lower band that dynamic
   * allocation avoids while the upper band has room.
   */
  constructor(
    readonly size: number,
    readonly staticBand: number,
  ) {}

  /** has says whether an offset is taken. */
  has(offset: number): boolean {
    return this.used.has(offset);
  }

  /** count is how many offsets are taken. */
  count(): number {
    return this.used.size;
  }

  /** allocate takes a specific offset (a user-chosen ClusterIP or nodePort). */
  allocate(offset: number, dryRun = false): AllocateResult {
    if (!Number.isInteger(offset) || offset < 0 || offset >= this.size) return { ok: false, reason: 'range' };
    if (this.used.has(offset)) return { ok: false, reason: 'allocated' };
    if (!dryRun) this.used.add(offset);
    return { ok: true, offset };
  }

  /** allocateNext takes a free offset: upper band first from a random start, then the lower band. */
  allocateNext(random: Random, dryRun = false): AllocateResult {
    const found = this.scan(random, this.staticBand, this.size) ?? this.scan(random, 0, this.staticBand);
    if (found === undefined) return { ok: false, reason: 'full' };
    if (!dryRun) this.used.add(found);
    return { ok: true, offset: found };
  }

  /** release frees an offset (releasing a free one is harmless, as upstream). */
  release(offset: number): void {
    this.used.delete(offset);
  }

  /** save lists the taken offsets in order. */
  save(): number[] {
    return [...this.used].sort((a, b) => a - b);
  }

  /** load replaces the taken offsets. */
  load(offsets: readonly number[]): void {
    this.used.clear();
    for (const o of offsets) this.used.add(o);
  }

  private scan(random: Random, from: number, to: number): number | undefined {
    const span = to - from;
    if (span <= 0) return undefined;
    const start = random.int(span);
    for (let i = 0; i < span; i++) {
      const offset = from + ((start + i) % span);
      if (!this.used.has(offset)) return offset;
    }
    return undefined;
  }
}

/**
 * rangeOffset is upstream's calculateRangeOffset: the static band is size/step clamped to
 * [min, max] (ClusterIPs: 16..256 by 16; NodePorts: 16..128 by 32).
 */
export function rangeOffset(size: number, min: number, max: number, step: number): number {
  if (size < min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}
