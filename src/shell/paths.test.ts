import { describe, expect, it } from 'vitest';
import { normalizePath, resolvePath } from './paths.ts';

/** slowNormalize is normalizePath's rule written out (split, drop `.` and empty, pop on `..`). */
function slowNormalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

describe('normalizePath', () => {
  it('agrees with the split-and-join rule, including on paths that are normal already', () => {
    const cases = [
      '/', '', 'a', '/a', '/a/', '//a', '/a//b', '/a/./b', '/a/../b', '/..', '/.', '/a/.', '/a/..', '/.a', '/..a', '/a/.b/..c',
      '/a.', '/a..', '/...', '/a/...', '/etc/hosts', '/var/run/secrets/kubernetes.io/serviceaccount/token', 'rel/x', './x', '/a/b/c/',
    ];
    for (const c of cases) expect(normalizePath(c)).toBe(slowNormalize(c));
    // Every path of up to four characters over the alphabet that matters.
    const alphabet = ['/', '.', 'a'];
    let paths = [''];
    for (let len = 0; len < 5; len++) {
      for (const p of paths) expect(normalizePath(p)).toBe(slowNormalize(p));
      paths = paths.flatMap((p) => alphabet.map((ch) => p + ch));
    }
  });

  it('resolvePath joins relative paths to cwd', () => {
    expect(resolvePath('b/../c', '/a')).toBe('/a/c');
    expect(resolvePath('/x/./y', '/a')).toBe('/x/y');
  });
});
