import { describe, expect, it } from 'vitest';
import { formatColumns, LineEditor, tokenize, type CompletionReply } from './lineEditor.ts';

function setup(reply: CompletionReply = { start: 0, candidates: [] }) {
  const submitted: string[] = [];
  let screen = '';
  let interrupts = 0;
  const ed = new LineEditor({
    write: (d) => (screen += d),
    submit: (l) => submitted.push(l),
    interrupt: () => interrupts++,
    complete: () => Promise.resolve(reply),
  });
  ed.showPrompt('controlplane:~$ ');
  return { ed, submitted, screen: () => screen, interrupts: () => interrupts };
}

describe('tokenize', () => {
  it('splits keys, escape sequences and pasted text', () => {
    expect(tokenize('ab\x1b[D\x7f\r')).toEqual(['ab', '\x1b[D', '\x7f', '\r']);
    expect(tokenize('one\r\ntwo\n')).toEqual(['one', '\r', 'two', '\n']);
  });
});

describe('LineEditor', () => {
  it('edits in the middle of the line and submits it', () => {
    const t = setup();
    t.ed.feed('kubectl get pds');
    t.ed.feed('\x1b[D\x1b[D');
    t.ed.feed('o');
    t.ed.feed('\r');
    expect(t.submitted).toEqual(['kubectl get pods']);
  });

  it('walks history with up and down and keeps the draft', () => {
    const t = setup();
    t.ed.setHistory(['kubectl get nodes', 'kubectl get pods']);
    t.ed.feed('draft');
    t.ed.feed('\x1b[A');
    t.ed.feed('\x1b[A');
    t.ed.feed('\x1b[B');
    t.ed.feed('\x1b[B');
    t.ed.feed('\r');
    expect(t.submitted).toEqual(['draft']);
    t.ed.showPrompt('$ ');
    t.ed.feed('\x1b[A\r');
    expect(t.submitted.at(-1)).toBe('draft');
  });

  it('finds an older line with Ctrl-R and runs it on Enter', () => {
    const t = setup();
    t.ed.setHistory(['kubectl get nodes', 'echo hi', 'kubectl get pods']);
    t.ed.feed('\x12');
    for (const ch of 'nod') t.ed.feed(ch);
    expect(t.screen()).toContain("(reverse-i-search)`nod': kubectl get nodes");
    t.ed.feed('\r');
    expect(t.submitted).toEqual(['kubectl get nodes']);
  });

  it('submits each line of a multi-line paste', () => {
    const t = setup();
    t.ed.feed('echo a\recho b\r');
    expect(t.submitted).toEqual(['echo a', 'echo b']);
  });

  it('completes a single candidate with a trailing space', async () => {
    const t = setup({ start: 8, candidates: ['get'] });
    t.ed.feed('kubectl g');
    t.ed.feed('\t');
    await Promise.resolve();
    await Promise.resolve();
    t.ed.feed('\r');
    expect(t.submitted).toEqual(['kubectl get ']);
  });

  it('Ctrl-C prints ^C, drops the line and interrupts', () => {
    const t = setup();
    t.ed.feed('sleep 100');
    t.ed.feed('\x03');
    expect(t.screen()).toContain('^C\r\n');
    expect(t.interrupts()).toBe(1);
  });
});

describe('type-ahead', () => {
  it('keeps what was typed while a command ran on the next prompt line', () => {
    const t = setup();
    t.ed.feed('sleep 1\r');
    t.ed.feed('kubectl');
    t.ed.showPrompt('controlplane:~$ ');
    expect(t.screen().endsWith('controlplane:~$ kubectl')).toBe(true);
    t.ed.feed(' get pods\r');
    expect(t.submitted).toEqual(['sleep 1', 'kubectl get pods']);
  });
});

describe('formatColumns', () => {
  it('lays out candidates in padded columns and wraps rows', () => {
    expect(formatColumns(['apply', 'annotate', 'api-resources'], 40)).toBe('apply          annotate\r\napi-resources');
    expect(formatColumns(['apply', 'annotate', 'api-resources'], 50)).toBe('apply          annotate       api-resources');
  });
});
