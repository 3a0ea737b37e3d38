/** Quote helpers that need no expansion context. */

/** removeQuotes strips shell quoting from a word without expanding it (here-doc delimiters). */
export function removeQuotes(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "'") {
      const end = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, end < 0 ? raw.length : end);
      i = end < 0 ? raw.length : end;
    } else if (c === '"') {
      i++;
      while (i < raw.length && raw[i] !== '"') {
        if (raw[i] === '\\' && i + 1 < raw.length && '$`"\\\n'.includes(raw[i + 1])) i++;
        out += raw[i++];
      }
    } else if (c === '\\' && i + 1 < raw.length) {
      out += raw[++i];
    } else out += c;
  }
  return out;
}

/** quoteForShell quotes a string so the shell reads it back as one word (history, completion). */
export function quoteForShell(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** ansiCUnescape decodes the body of `$'...'` and `echo -e` style escapes. */
export function ansiCUnescape(body: string, forEcho = false): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const n = body[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\' };
    if (n in simple) out += simple[n];
    else if (n === 'c' && forEcho) return { text: out, stop: true };
    else if (n === "'" && !forEcho) out += "'";
    else if (n === '"' && !forEcho) out += '"';
    else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (n === 'u' || n === 'U') {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(body.slice(i + 1));
      if (m) {
        out += String.fromCodePoint(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\' + n;
    } else if (/[0-7]/.test(n)) {
      // echo -e wants \0nnn; $'...' takes \nnn.
      const m = (forEcho ? /^0?[0-7]{0,3}/ : /^[0-7]{0,2}/).exec(forEcho ? body.slice(i) : body.slice(i + 1));
      const digits = forEcho ? m![0].replace(/^0/, '') : n + m![0];
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i += forEcho ? m![0].length - 1 : m![0].length;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}
