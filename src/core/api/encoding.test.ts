import { describe, expect, it } from 'vitest';
import {
  base64DecodedLength,
  base64Decode,
  base64Encode,
  base64String,
  base64UrlEncode,
  decodeBase64String,
  utf8Decode,
  utf8Encode,
  utf8Length,
} from './encoding.ts';

describe('encoding', () => {
  it('encodes UTF-8 like Go []byte(string)', () => {
    expect(utf8Encode('a€😀')).toEqual([0x61, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    expect(utf8Decode([0x61, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80])).toBe('a€😀');
    expect(utf8Decode([0x80, 0x41])).toBe('\ufffdA');
    expect(utf8Length('a€😀')).toBe(8);
    // A lone surrogate is one code point of its own, as for...of and Go's WTF-8-like bytes give.
    expect(utf8Encode('\ud800x')).toEqual([0xed, 0xa0, 0x80, 0x78]);
  });

  it('encodes inputs longer than one String.fromCharCode chunk as one string', () => {
    const bytes = Array.from({ length: 30_000 }, (_, i) => (i * 7) & 0xff);
    const b64 = base64Encode(bytes);
    expect(b64).toHaveLength(40_000);
    expect(base64Decode(b64)).toEqual(bytes);
  });

  it('base64-encodes with padding, as `echo -n ... | base64` does', () => {
    expect(base64String('admin')).toBe('YWRtaW4=');
    expect(base64String('s3cr3t!')).toBe('czNjcjN0IQ==');
    expect(base64String('abc')).toBe('YWJj');
    expect(base64String('')).toBe('');
    expect(base64Encode([0xfb, 0xff])).toBe('+/8=');
  });

  it('base64url-encodes without padding, as JWT segments are', () => {
    expect(base64UrlEncode([0xfb, 0xff])).toBe('-_8');
    expect(base64UrlEncode(utf8Encode('{"alg":"RS256"}'))).toBe('eyJhbGciOiJSUzI1NiJ9');
  });

  it('decodes base64 back to text, with or without padding', () => {
    expect(decodeBase64String('YWRtaW4=')).toBe('admin');
    expect(decodeBase64String('YWRtaW4')).toBe('admin');
    expect(base64Decode('not base64!')).toBeNull();
    expect(decodeBase64String('4oKs')).toBe('€');
    expect([base64DecodedLength('YWRtaW4='), base64DecodedLength('czNjcjN0IQ=='), base64DecodedLength('YWJj')]).toEqual([5, 7, 3]);
  });
});
