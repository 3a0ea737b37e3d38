/** Path helpers shared by the virtual filesystem and the builtins (POSIX rules). */

/** normalizePath resolves `.`, `..` and repeated slashes of an absolute path. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** resolvePath makes `path` absolute against `cwd` and normalises it. */
export function resolvePath(path: string, cwd = '/'): string {
  return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** dirname returns the parent of an absolute path ("/" for "/"). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** basename returns the last component of a path, ignoring trailing slashes. */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
