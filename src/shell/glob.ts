import type { VirtualFS } from './types.ts';

/**
 * Glob patterns (`*`, `?`, `[...]`) as bash uses them for pathname expansion,
 * `case` arms, `[[ == ]]` and `${X#pattern}`. A backslash makes the next
 * character literal; the expander escapes quoted text that way.
 */

/** hasGlobChars reports whether an (escaped) pattern contains an active wildcard. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if ('*?['.includes(pattern[i])) return true;
  }
  return false;
}

/** escapeGlob makes every wildcard in `s` literal. */
export function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/** unescapeGlob removes the escaping backslashes of a pattern (a glob with no match stays as typed). */
export function unescapeGlob(p: string): string {
  return p.replace(/\\(.)/g, '$1');
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', xdigit: '0-9a-fA-F', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t',
};

/** globToRegExpSource converts a pattern; `pathMode` keeps `*` and `?` from crossing `/`. */
export function globToRegExpSource(pattern: string, pathMode = false): string {
  let re = '';
  const any = pathMode ? '[^/]' : '[\\s\\S]';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (c === '*') re += any + '*';
    else if (c === '?') re += any;
    else if (c === '[') {
      const end = findBracketEnd(pattern, i);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let neg = false;
      if (body[0] === '!' || body[0] === '^') {
        neg = true;
        body = body.slice(1);
      }
      body = body.replace(/\[:(\w+):\]/g, (_, name: string) => CLASSES[name] ?? '');
      body = body.replace(/\\(.)/g, (_, ch: string) => escapeRe(ch)).replace(/([\]^])/g, (m, ch, off) => (off === 0 && ch === ']' ? '\\]' : m === '^' ? '\\^' : m));
      re += `[${neg ? '^' : ''}${body}]`;
      i = end;
    } else re += escapeRe(c);
  }
  return re;
}

function findBracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '!' || p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
    } else if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return -1;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** matchGlob tests a whole string against a pattern (`case`, `[[ == ]]`). */
export function matchGlob(pattern: string, text: string): boolean {
  return new RegExp(`^${globToRegExpSource(pattern)}$`).test(text);
}

/**
 * expandPathname returns the sorted paths matching a pattern in the virtual
 * FS, or [] when none match (the caller then keeps the word, as bash does
 * without nullglob). Dotfiles match only when the component starts with `.`.
 */
export function expandPathname(pattern: string, fs: VirtualFS, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let current: string[] = [absolute ? '/' : ''];
  for (let idx = absolute ? 1 : 0; idx < parts.length; idx++) {
    const part = parts[idx];
    const next: string[] = [];
    for (const base of current) {
      const dir = base === '' ? cwd : fs.resolve(base, cwd);
      const join = (name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
      if (!hasGlobChars(part)) {
        const candidate = join(unescapeGlob(part));
        if (fs.exists(candidate, cwd)) next.push(candidate);
        continue;
      }
      let names: string[];
      try {
        names = fs.list(dir);
      } catch {
        continue;
      }
      const re = new RegExp(`^${globToRegExpSource(part, true)}$`);
      for (const name of names) {
        if (name.startsWith('.') && !part.startsWith('.') && !part.startsWith('\\.')) continue;
        if (re.test(name)) next.push(join(name));
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  return current.sort();
}
