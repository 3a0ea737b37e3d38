import { describe, expect, it } from 'vitest';
import { formatTabbed } from './tabWriter.ts';

describe('formatTabbed (Go text/tabwriter, minwidth 0, padding 2)', () => {
  it('aligns a column across consecutive lines with cells', () => {
    expect(formatTabbed('Name:\tnginx\nService Account:\tdefault\n')).toBe('Name:             nginx\nService Account:  default\n');
  });

  it('starts a new block after a line without tabs', () => {
    expect(formatTabbed('A:\t1\nSection:\n  Longer key:\t2\n')).toBe('A:  1\nSection:\n  Longer key:  2\n');
  });

  it('sizes nested columns per block: a two-cell line ends the inner block only', () => {
    const text = 'Port:\t<unset>\t80/TCP\nTargetPort:\t80/TCP\n';
    expect(formatTabbed(text)).toBe('Port:        <unset>  80/TCP\nTargetPort:  80/TCP\n');
  });

  it('pads empty cells too (a tab-only cell is two spaces wide)', () => {
    expect(formatTabbed('a\t\tb\nccc\t\td\n')).toBe('a      b\nccc    d\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(formatTabbed('é:\tx\nab:\ty\n')).toBe('é:   x\nab:  y\n');
  });

  it('keeps trailing spaces inside cells (condition rows end in a space)', () => {
    expect(formatTabbed('  Type\tStatus\n  Ready \tTrue \n')).toBe('  Type    Status\n  Ready   True \n');
  });
});
