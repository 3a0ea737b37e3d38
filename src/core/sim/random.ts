/**
 * Seeded randomness: generated names, pod-template hashes and scheduler tie-breaks all
 * come from here, so the same seed gives the same cluster every run (DESIGN §4).
 */

/** Random is a small deterministic PRNG (mulberry32) with the helpers the cluster needs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** next returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * skip advances the sequence as `n` calls of next() would, in one step (mulberry32's state
   * moves by a constant per draw): a kubelet reserves a pod token's draws at mount time and
   * replays them from the saved state only if someone reads the token.
   */
  skip(n: number): void {
    this.state = (this.state + Math.imul(n, 0x6d2b79f5)) >>> 0;
  }

  /** int returns an integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** string returns n characters drawn from the alphabet. */
  string(n: number, alphabet: string = NAME_ALPHABET): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** getState and setState let snapshots resume the same sequence. */
  getState(): number {
    return this.state;
  }

  setState(state: number): void {
    this.state = state >>> 0;
  }
}

/**
 * NAME_ALPHABET is k8s.io/apimachinery/pkg/util/rand's alphabet: no vowels (so no words)
 * and no easily confused characters, which is why real names look like `web-7c5ddbdf54-x2k7q`.
 */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
