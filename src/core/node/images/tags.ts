/**
 * Which tags an image in the catalog has. A registry knows an exact list; we cannot ship every
 * tag of Docker Hub, so each image declares a *deterministic rule* instead:
 *
 * - `aliases`: named tags and the full tag they point at (`latest` → `1.27.3`, `alpine` → `1.27.3-alpine`);
 * - `lines`: release lines `major.minor` with patches `0..maxPatch`; a tag `X.Y.Z` exists when its line
 *   does and `Z ≤ maxPatch`, `X.Y` means the newest patch of that line, `X` the newest line of that major;
 * - `variants`: suffixes allowed after any version or alias (`-alpine`, `-slim`, ...), and on their own
 *   (`alpine` = newest release + `-alpine`).
 *
 * So `nginx:1.25.3` and `nginx:1.27-alpine` resolve, while `nginx:1.999` and `nginx:doesnotexist` do
 * not. Tags resolving to the same canonical tag share a digest, as on a real registry.
 */

/** ReleaseLine is one `major.minor` line whose patches `0..maxPatch` exist. */
export interface ReleaseLine {
  major: number;
  minor: number;
  maxPatch: number;
}

/** TagPolicy is the tag rule of one image repository (see the file comment). */
export interface TagPolicy {
  aliases: Record<string, string>;
  lines?: ReleaseLine[];
  variants?: string[];
  /** twoPart marks `major.minor` version schemes (postgres 17.2, pause 3.10): a trailing `.0` patch is dropped. */
  twoPart?: boolean;
}

/** ResolvedTag is a tag resolved to its canonical form. */
export interface ResolvedTag {
  /** canonical is the full tag every alias of this image maps to, e.g. `1.27.3-alpine`. */
  canonical: string;
  /** version is the release without variant, e.g. `1.27.3` (or the alias target for unversioned images). */
  version: string;
  /** variant is the suffix such as `-alpine`, or ''. */
  variant: string;
}

/** releaseLines lists lines `major.fromMinor` … `major.toMinor`, all with the same maxPatch. */
export function releaseLines(major: number, fromMinor: number, toMinor: number, maxPatch: number): ReleaseLine[] {
  const out: ReleaseLine[] = [];
  for (let m = fromMinor; m <= toMinor; m++) out.push({ major, minor: m, maxPatch });
  return out;
}

function resolveVersion(lines: ReleaseLine[], text: string): string | undefined {
  const m = /^(0|[1-9][0-9]*)(?:\.(0|[1-9][0-9]*))?(?:\.(0|[1-9][0-9]*))?$/.exec(text);
  if (!m) return undefined;
  const major = Number(m[1]);
  const ofMajor = lines.filter((l) => l.major === major);
  if (m[2] === undefined) {
    const newest = ofMajor.reduce<ReleaseLine | undefined>((a, l) => (!a || l.minor > a.minor ? l : a), undefined);
    return newest && `${newest.major}.${newest.minor}.${newest.maxPatch}`;
  }
  const line = ofMajor.find((l) => l.minor === Number(m[2]));
  if (!line) return undefined;
  if (m[3] === undefined) return `${line.major}.${line.minor}.${line.maxPatch}`;
  return Number(m[3]) <= line.maxPatch ? text : undefined;
}

function resolveBase(policy: TagPolicy, base: string): { version: string; variant: string } | undefined {
  const alias = policy.aliases[base];
  if (alias !== undefined) {
    const variant = (policy.variants ?? []).find((v) => v !== '' && alias.endsWith(v)) ?? '';
    return { version: alias.slice(0, alias.length - variant.length), variant };
  }
  const full = resolveVersion(policy.lines ?? [], base);
  if (full === undefined) return undefined;
  return { version: policy.twoPart ? full.replace(/\.0$/, '') : full, variant: '' };
}

/** resolveTag applies the policy to a tag; undefined means the registry would answer "not found". */
export function resolveTag(policy: TagPolicy, tag: string): ResolvedTag | undefined {
  const direct = resolveBase(policy, tag);
  if (direct) return { canonical: direct.version + direct.variant, ...direct };
  // Longest suffix first so `-alpine-slim` wins over `-slim`.
  const variants = [...(policy.variants ?? [])].filter((v) => v !== '').sort((a, b) => b.length - a.length);
  for (const variant of variants) {
    if (`-${tag}` === variant) {
      const latest = resolveBase(policy, 'latest');
      if (latest && latest.variant === '') return { canonical: latest.version + variant, version: latest.version, variant };
    }
    if (tag.endsWith(variant) && tag.length > variant.length) {
      const base = resolveBase(policy, tag.slice(0, tag.length - variant.length));
      if (base && base.variant === '') return { canonical: base.version + variant, version: base.version, variant };
    }
  }
  return undefined;
}
