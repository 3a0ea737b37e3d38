/**
 * Secret stringData handling, modelled on Convert_v1_Secret_To_core_Secret
 * (pkg/apis/core/v1/conversion.go): every stringData entry is written into data
 * (overwriting a key of the same name) and stringData is never stored.
 */
import type { Secret } from 'kubernetes-types/core/v1';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** utf8Bytes encodes a string as UTF-8, the bytes Go's []byte(string) holds. */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** base64String is standard base64 (with padding) of a string's UTF-8 bytes, as a Secret's data holds it. */
export function base64String(s: string): string {
  const b = utf8Bytes(s);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < b.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** mergeSecretStringData folds stringData into data (stringData wins) and removes stringData. */
export function mergeSecretStringData(secret: Secret): void {
  if (secret.stringData === undefined) return;
  const data = { ...(secret.data ?? {}) };
  for (const [k, v] of Object.entries(secret.stringData)) data[k] = base64String(v);
  secret.data = data;
  delete secret.stringData;
}
