/**
 * PrefixWriter, the indentation-aware writer every kubectl describer writes through
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go: `prefixWriter`,
 * `NewNestedPrefixWriter`, `tabbedString`). Each level indents by two spaces;
 * tabs separate cells that the final tabwriter pass aligns.
 */
import { formatTabbed } from './tabWriter.ts';

/** Level names kubectl uses (LEVEL_0 … LEVEL_4); each level is two spaces. */
export const LEVEL_0 = 0;
/** LEVEL_1 indents by two spaces. */
export const LEVEL_1 = 1;
/** LEVEL_2 indents by four spaces. */
export const LEVEL_2 = 2;
/** LEVEL_3 indents by six spaces. */
export const LEVEL_3 = 3;
/** LEVEL_4 indents by eight spaces. */
export const LEVEL_4 = 4;

/** PrefixWriter writes text at an indentation level; the text may hold tabs and newlines. */
export interface PrefixWriter {
  /** write appends `text` after `level` × two spaces (only before the text, like Go's Sprintf(prefix+format)). */
  write(level: number, text: string): void;
  /** writeLine appends `text` and a newline with no indentation (Go's Sprintln of one argument). */
  writeLine(text: string): void;
}

/** BufferPrefixWriter collects writes in memory; `toString()` returns the raw, unaligned text. */
export class BufferPrefixWriter implements PrefixWriter {
  private readonly parts: string[] = [];

  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text);
  }

  writeLine(text: string): void {
    this.parts.push(text + '\n');
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** nestedPrefixWriter adds `indent` levels to every write, like Go's NewNestedPrefixWriter. */
export function nestedPrefixWriter(inner: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => inner.write(level + indent, text),
    writeLine: (text) => inner.write(indent, text + '\n'),
  };
}

/**
 * tabbedString runs `fn` against a fresh PrefixWriter and aligns the result with
 * kubectl's tabwriter settings, the way every describer returns its text.
 */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const w = new BufferPrefixWriter();
  fn(w);
  return formatTabbed(w.toString());
}
