/**
 * StringPool hands out one shared flat copy of strings that repeat, up to a bounded number of
 * distinct values.
 *
 * A kubelet writes the same messages for every pod it runs ("Created container: web",
 * "Started container web", `Container image "nginx:1.27" already present on machine`) and
 * the same field paths (`spec.containers{web}`); each was built from pieces (a rope) and
 * flattened into a copy of its own per Event, ~60 bytes per string for as long as the Event
 * lives. Pooled, the Events share one copy. Unique strings (a message naming its pod) just
 * pass through; when the pool is full it starts over, so it never holds more than `limit`.
 */
import { flatString } from '../api/flatString.ts';

/** StringPool returns a canonical flat copy of each string it is given. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit = 256) {}

  /** get returns the pooled copy of `s` (equal content, flat, shared by every caller that passed an equal string). */
  get(s: string): string {
    const pooled = this.strings.get(s);
    if (pooled !== undefined) return pooled;
    const flat = flatString(s);
    if (this.strings.size >= this.limit) this.strings.clear();
    this.strings.set(flat, flat);
    return flat;
  }
}
