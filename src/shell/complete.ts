import type { VirtualFS, Completer } from './types.ts';

/** CompletionResult tells the terminal which span to replace and with what. */
export interface CompletionResult {
  start: number;
  candidates: string[];
}

/**
 * completeLine finds the word under the cursor and proposes completions:
 * command names in command position, otherwise the command's registered
 * completer (kubectl resource names, ...) followed by file names. Directory
 * candidates end with `/`, as readline shows them.
 */
export function completeLine(
  line: string,
  cursor: number,
  ctx: { commandNames: string[]; completers: Map<string, Completer>; fs: VirtualFS; cwd: string },
): CompletionResult {
  const before = line.slice(0, cursor);
  const segment = before.split(/&&|\|\||[;|(]/).pop() ?? '';
  const words = segment.trimStart().split(/\s+/);
  const word = /\s$/.test(segment) ? '' : (words.pop() ?? '');
  const argv = words.filter((w) => w !== '' && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  const start = cursor - word.length;
  if (argv.length === 0 && !word.includes('/')) {
    return { start, candidates: unique(ctx.commandNames.filter((n) => n.startsWith(word))).sort() };
  }
  const completer = argv.length ? ctx.completers.get(argv[0]) : undefined;
  if (completer) {
    const c = completer({ argv, word, cwd: ctx.cwd }).filter((x) => x.startsWith(word));
    if (c.length) return { start, candidates: unique(c) };
  }
  return { start, candidates: completePath(word, ctx.fs, ctx.cwd) };
}

function completePath(word: string, fs: VirtualFS, cwd: string): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : word.slice(0, slash + 1);
  const prefix = word.slice(slash + 1);
  let names: string[];
  try {
    names = fs.list(dirPart === '' ? '.' : dirPart, cwd);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && (prefix.startsWith('.') || !n.startsWith('.')))
    .map((n) => {
      const full = dirPart + n;
      return fs.stat(full, cwd).type === 'dir' ? full + '/' : full;
    });
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
