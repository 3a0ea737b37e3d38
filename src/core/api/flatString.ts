/**
 * flatString returns `s` as one flat string. V8 builds `a + b` and template literals of 13
 * or more characters as ropes (a tree of the pieces, 32 bytes per node); a long-lived rope
 * such as a uid or an event message built from a dozen pieces then costs several times its
 * length for as long as the object lives. Array#join of two or more pieces always writes a
 * new flat string, so long-lived strings that were built from pieces go through here once.
 * Short strings (< 13 characters) are never ropes and come back unchanged.
 */
export function flatString(s: string): string {
  return s.length < 13 ? s : [s.slice(0, 1), s.slice(1)].join('');
}
