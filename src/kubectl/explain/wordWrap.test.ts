import { describe, expect, it } from 'vitest';
import { wordWrap } from './wordWrap.ts';

describe('wordWrap', () => {
  it('breaks before the word that would pass the limit and drops the space', () => {
    expect(wordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
  });
  it('keeps existing newlines and long words whole', () => {
    expect(wordWrap('one\ntwo three', 5)).toBe('one\ntwo\nthree');
    expect(wordWrap('https://example.com/a/very/long/url x', 10)).toBe('https://example.com/a/very/long/url\nx');
  });
  it('wraps a kubectl description at 76 columns', () => {
    const d =
      'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.';
    expect(wordWrap(d, 76)).toBe(
      'Pod is a collection of containers that can run on a host. This resource is\ncreated by clients and scheduled onto hosts.',
    );
  });
});
