/**
 * Byte encodings core needs in plain ES2022: UTF-8 (Go's []byte(string)), standard
 * base64 (encoding/base64.StdEncoding, what Secret data holds) and unpadded base64url
 * (RawURLEncoding, the JWT segments of service account tokens).
 *
 * Core compiles without DOM or Node typings, so TextEncoder, TextDecoder, btoa and
 * atob are not available here; this is the one place core spells them out.
 * NOTE: src/shell/builtins/base64Codec.ts keeps its own copy on purpose, since the
 * shell must not import core.
 */

const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** utf8Encode returns the UTF-8 bytes of a string. */
export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  // By code point, as for...of walks a string (a lone surrogate is its own code point), without a string per character.
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** utf8Length is the number of UTF-8 bytes of a string, Go's len(string), without building them. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** utf8Decode decodes bytes, replacing malformed sequences with U+FFFD. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (len === 0 || i + len > bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let c = len === 1 ? b : b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) c = (c << 6) | (bytes[i + k]! & 63);
    out += String.fromCodePoint(c);
    i += len;
  }
  return out;
}

/** encodeWith maps each 3-byte group to four alphabet characters, padding with "=" when asked. */
function encodeWith(bytes: readonly number[], alphabet: string, pad: boolean): string {
  // Character codes go into one typed array and become one flat string: `+=` per character
  // builds a rope that costs ~32 bytes per character while it is kept (pod tokens), and an
  // array of one-character strings to join was most of what a pod's token allocated.
  const codes = new Uint16Array(Math.ceil(bytes.length / 3) * 4);
  let n = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    codes[n++] = alphabet.charCodeAt((v >> 18) & 63);
    codes[n++] = alphabet.charCodeAt((v >> 12) & 63);
    if (i + 1 < bytes.length) codes[n++] = alphabet.charCodeAt((v >> 6) & 63);
    else if (pad) codes[n++] = PAD;
    if (i + 2 < bytes.length) codes[n++] = alphabet.charCodeAt(v & 63);
    else if (pad) codes[n++] = PAD;
  }
  return fromCharCodes(codes.subarray(0, n));
}

const PAD = '='.charCodeAt(0);
/** CHUNK keeps String.fromCharCode's argument count well below engines' limits. */
const CHUNK = 8192;

/** fromCharCodes is one flat string of UTF-16 code units (chunks are joined, which also writes a flat string). */
function fromCharCodes(codes: Uint16Array): string {
  // apply, not spread: spreading a typed array goes through its iterator, element by element.
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]));
  return parts.join('');
}

/** base64Encode is base64.StdEncoding.EncodeToString: standard alphabet, with padding. */
export function base64Encode(bytes: readonly number[]): string {
  return encodeWith(bytes, STD_ALPHABET, true);
}

/** base64UrlEncode is base64.RawURLEncoding.EncodeToString: URL alphabet, no padding. */
export function base64UrlEncode(bytes: readonly number[]): string {
  return encodeWith(bytes, URL_ALPHABET, false);
}

/** base64Decode decodes standard base64 (padding optional); null on a character outside the alphabet. */
export function base64Decode(text: string): number[] | null {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let buf = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = STD_ALPHABET.indexOf(ch);
    if (v < 0) return null;
    buf = ((buf << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buf >> bits) & 0xff);
    }
  }
  return out;
}

/** base64DecodedLength is the byte length base64 text decodes to, len([]byte) after decoding (sizes in describe, ConfigMap limits). */
export function base64DecodedLength(b64: string): number {
  const clean = b64.replace(/\s/g, '').replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

/** base64String is the standard base64 of a string's UTF-8 bytes, as a Secret's data holds it. */
export function base64String(s: string): string {
  return base64Encode(utf8Encode(s));
}

/** decodeBase64String turns base64 text (e.g. Secret data) back into a string; invalid input reads "". */
export function decodeBase64String(s: string): string {
  return utf8Decode(base64Decode(s) ?? []);
}
