/**
 * wordWrap reproduces github.com/mitchellh/go-wordwrap's WrapString, which kubectl explain's
 * `wrap` template function uses (through kubectl/pkg/util/term's word-wrap writer): words are
 * split on whitespace, existing newlines are kept, a line breaks before the word that would pass
 * `limit`, the spaces at a break are dropped, and a word longer than the limit stays whole.
 */

const isSpace = (c: string) => c !== '\u00a0' && /\s/.test(c);

/** wordWrap wraps `s` to at most `limit` characters per line where words allow. */
export function wordWrap(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const c of s) {
    if (c === '\n') {
      if (word.length === 0) {
        if (current + space.length <= limit) out += space;
      } else {
        out += space + word;
        word = '';
      }
      space = '';
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (space.length === 0 || word.length > 0) {
        current += space.length + word.length;
        out += space + word;
        space = '';
        word = '';
      }
      space += c;
    } else {
      word += c;
      if (current + space.length + word.length > limit && word.length < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
