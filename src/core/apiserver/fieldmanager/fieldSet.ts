/**
 * FieldSet is a set of field paths stored as a trie, as fieldpath.Set is. A node is a
 * *member* when its own path is in the set (a leaf value, a list item, or a map that a
 * manager added whole); its children hold longer paths.
 *
 * The wire form is `fieldsV1`: every child under its element name, and `".": {}` where a
 * member node also has children (fieldpath.SetToFields).
 */
import { printPath } from './pathElement.ts';

/** FieldsV1 is the JSON trie of metadata.managedFields[].fieldsV1. */
export type FieldsV1 = { [element: string]: FieldsV1 };

/**
 * FieldSet is a trie of field paths. It is mutable only while it is built (insert, child):
 * once built, a set is never changed, so the set operations return results that share
 * unchanged subtrees with their inputs instead of copying them (a status write's union keeps
 * the untouched parts of its manager's set, and their encodings, see encodeSet).
 */
export class FieldSet {
  member = false;
  // Created with the first child: most nodes are leaves, and a Map each was most of what
  // building a pod's set allocated.
  private kids: Map<string, FieldSet> | undefined = undefined;
  /** encoded is the set's interned fieldsV1 once encoded (null: empty), see internedTries' encodeSet. */
  encoded: FieldsV1 | null | undefined = undefined;
  /** encodedId is the interned number of `encoded` (-1 until known), so encoding a parent needs no lookup per child. */
  encodedId = -1;

  /** children are the sub-tries by element, in insertion order (the order they encode in). */
  get children(): ReadonlyMap<string, FieldSet> {
    return this.kids ?? NO_CHILDREN;
  }

  /** setChild puts a sub-trie under an element (only while the set is built). */
  setChild(element: string, c: FieldSet): void {
    (this.kids ??= new Map()).set(element, c);
  }

  /** child returns the sub-trie under one element, creating it. */
  child(element: string): FieldSet {
    let c = this.kids?.get(element);
    if (!c) {
      c = new FieldSet();
      this.setChild(element, c);
    }
    return c;
  }

  /** insert adds one path. */
  insert(path: readonly string[]): void {
    let node: FieldSet = this;
    for (const e of path) node = node.child(e);
    node.member = true;
  }

  /** has reports whether a path is a member. */
  has(path: readonly string[]): boolean {
    let node: FieldSet | undefined = this;
    for (const e of path) {
      node = node.children.get(e);
      if (!node) return false;
    }
    return node.member;
  }

  /** empty reports whether the set has no members. */
  empty(): boolean {
    if (this.member) return false;
    for (const c of this.children.values()) if (!c.empty()) return false;
    return true;
  }

  /**
   * union returns a set with the members of both. When other adds nothing below a node, the
   * node itself is the result, not an equal copy: a write that changes fields its manager
   * already owns then keeps the manager's nodes, and their encodings (see encodeSet).
   */
  union(other: FieldSet): FieldSet {
    if (other === this) return this;
    let out: FieldSet | undefined;
    if (other.member && !this.member) out = this.copyUpTo(undefined);
    for (const [e, c] of this.children) {
      const o = other.children.get(e);
      const u = o ? c.union(o) : c;
      if (u !== c && !out) out = this.copyUpTo(e);
      out?.setChild(e, u);
    }
    for (const [e, c] of other.children) {
      if (this.children.has(e) || c.empty()) continue;
      out ??= this.copyUpTo(undefined);
      out.setChild(e, c);
    }
    if (!out) return this;
    out.member = this.member || other.member;
    return out;
  }

  /**
   * copyUpTo starts a changed copy of this node: its member flag and its children before
   * `stop` (all of them when stop is undefined), in their order.
   */
  private copyUpTo(stop: string | undefined): FieldSet {
    const out = new FieldSet();
    out.member = this.member;
    for (const [e, c] of this.children) {
      if (e === stop) break;
      out.setChild(e, c);
    }
    return out;
  }

  /** intersection returns the members in both sets. */
  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && other.member;
    for (const [e, c] of this.children) {
      const o = other.children.get(e);
      if (!o) continue;
      const i = c.intersection(o);
      if (!i.empty()) out.setChild(e, i);
    }
    return out;
  }

  /**
   * difference returns the members of this set that are not in other
   * (fieldpath.Set.Difference). Subtrees other takes nothing from are kept as they are (with
   * their encodings): the kubelet taking a pod's phase from its creator re-encodes only the
   * path to the phase, not the creator's whole set.
   */
  difference(other: FieldSet): FieldSet {
    if (!other.member && other.children.size === 0) return this;
    return this.withChildren(this.member && !other.member, (e, c) => {
      const o = other.children.get(e);
      return o ? nonEmpty(c, c.difference(o)) : c;
    });
  }

  /**
   * recursiveDifference also drops everything below a member of other
   * (fieldpath.Set.RecursiveDifference): removing a map removes its keys. Like difference,
   * it keeps what other does not reach.
   */
  recursiveDifference(other: FieldSet): FieldSet {
    if (other.member) return new FieldSet();
    if (other.children.size === 0) return this;
    return this.withChildren(this.member, (e, c) => {
      const o = other.children.get(e);
      return o ? nonEmpty(c, c.recursiveDifference(o)) : c;
    });
  }

  /**
   * withChildren is this node with its member flag and each child replaced (undefined: removed),
   * or this node itself when nothing differs. Children keep their order.
   */
  private withChildren(member: boolean, replace: (element: string, child: FieldSet) => FieldSet | undefined): FieldSet {
    let out = member === this.member ? undefined : this.copyUpTo(undefined);
    for (const [e, c] of this.children) {
      const r = replace(e, c);
      if (!out && r === c) continue;
      out ??= this.copyUpTo(e);
      if (r) out.setChild(e, r);
      else out.kids?.delete(e);
    }
    if (!out) return this;
    out.member = member;
    return out;
  }

  /** intersects tells whether some member of this set is a member of other (no allocation). */
  intersects(other: FieldSet): boolean {
    if (this.member && other.member) return true;
    const [small, large] = this.children.size <= other.children.size ? [this, other] : [other, this];
    for (const [e, c] of small.children) {
      const o = large.children.get(e);
      if (o && (small === this ? c.intersects(o) : o.intersects(c))) return true;
    }
    return false;
  }

  /** touchedBy tells whether a member of this set is a member of other or lies below one (what recursiveDifference would remove). */
  touchedBy(other: FieldSet): boolean {
    if (other.member && !this.empty()) return true;
    for (const [e, o] of other.children) {
      const c = this.children.get(e);
      if (c && c.touchedBy(o)) return true;
    }
    return false;
  }

  /** containsAll tells whether every member of other is a member of this set. */
  containsAll(other: FieldSet): boolean {
    if (other.member && !this.member) return false;
    for (const [e, o] of other.children) {
      const c = this.children.get(e);
      if (c ? !c.containsAll(o) : !o.empty()) return false;
    }
    return true;
  }

  /** clone returns a deep copy. */
  clone(): FieldSet {
    const out = new FieldSet();
    out.member = this.member;
    for (const [e, c] of this.children) out.setChild(e, c.clone());
    return out;
  }

  /** paths lists the member paths in sorted element order. */
  paths(prefix: string[] = []): string[][] {
    const out: string[][] = [];
    if (this.member) out.push(prefix);
    for (const e of [...this.children.keys()].sort()) out.push(...this.children.get(e)!.paths([...prefix, e]));
    return out;
  }

  /** printedPaths renders paths as conflict messages show them. */
  printedPaths(): string[] {
    return this.paths().map(printPath);
  }

  /** toFieldsV1 encodes the set in the wire format, children sorted by element. */
  toFieldsV1(): FieldsV1 {
    const out: FieldsV1 = {};
    if (this.member && this.children.size > 0) out['.'] = {};
    for (const e of [...this.children.keys()].sort()) {
      const c = this.children.get(e)!;
      if (!c.empty()) out[e] = c.toFieldsV1();
    }
    return out;
  }

  /** fromFieldsV1 decodes the wire format; a node without children is a member. */
  static fromFieldsV1(fields: unknown): FieldSet {
    const out = new FieldSet();
    if (!fields || typeof fields !== 'object') return out;
    const entries = Object.entries(fields as Record<string, unknown>);
    for (const [e, v] of entries) {
      if (e === '.') {
        out.member = true;
        continue;
      }
      const isLeaf = !v || typeof v !== 'object' || Object.keys(v).length === 0;
      const c = isLeaf ? new FieldSet() : FieldSet.fromFieldsV1(v);
      if (isLeaf) c.member = true;
      out.setChild(e, c);
    }
    return out;
  }
}

/** nonEmpty is a child's replacement after a difference: the child itself when unchanged, nothing when emptied. */
function nonEmpty(child: FieldSet, result: FieldSet): FieldSet | undefined {
  if (result === child) return child;
  return result.empty() ? undefined : result;
}

// The children of every leaf: never changed (FieldSet.setChild creates a node's own map).
const NO_CHILDREN: ReadonlyMap<string, FieldSet> = new Map();
