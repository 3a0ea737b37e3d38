import { describe, expect, it } from 'vitest';
import { LayoutClient, type LayoutPort } from './layoutClient.ts';
import { IncrementalLayout, type LayoutInput } from './layoutEngine.ts';
import type { LayoutReply, LayoutRequest } from './layoutMessages.ts';

function fakeWorker() {
  const sent: LayoutRequest[] = [];
  let listener: ((e: MessageEvent<LayoutReply>) => void) | undefined;
  const engine = new IncrementalLayout();
  const port: LayoutPort = { postMessage: (r) => sent.push(r), addEventListener: (_t, fn) => (listener = fn) };
  const answer = () => {
    const req = sent.shift();
    if (req?.type === 'layout') listener?.({ data: { type: 'positions', seq: req.seq, positions: engine.layout(req.input) } } as MessageEvent<LayoutReply>);
  };
  return { port, sent, answer };
}

const input = (...ids: string[]): LayoutInput => ({ boxes: ids.map((id) => ({ id, width: 10, height: 10 })), edges: [] });

describe('LayoutClient', () => {
  it('keeps one request in flight and sends only the newest graph after it', () => {
    const w = fakeWorker();
    const client = new LayoutClient(w.port);
    const got: string[][] = [];
    client.onPositions = (p) => got.push(Object.keys(p).sort());
    client.request(input('a'));
    client.request(input('a', 'b'));
    client.request(input('a', 'b', 'c'));
    expect(w.sent).toHaveLength(1);
    w.answer();
    expect(w.sent).toHaveLength(1);
    w.answer();
    expect(got).toEqual([['a'], ['a', 'b', 'c']]);
  });
});
