import { describe, expect, it } from 'vitest';
import { JSONPath, printJSONPath } from './jsonpath.ts';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'web' } }, spec: { nodeName: 'node01', replicas: 1 }, status: { phase: 'Running' } },
    { metadata: { name: 'b' }, spec: { nodeName: 'node02', replicas: 3 }, status: { phase: 'Pending' } },
    { metadata: { name: 'c' }, spec: { replicas: 5 }, status: { phase: 'Running' } },
  ],
};
const run = (t: string) => new JSONPath(t).execute(list);

describe('JSONPath', () => {
  it('joins multiple results with spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b c');
  });
  it('supports indexes, negative indexes and slices', () => {
    expect(run('{.items[0].metadata.name}')).toBe('a');
    expect(run('{.items[-1].metadata.name}')).toBe('c');
    expect(run('{.items[0:2].metadata.name}')).toBe('a b');
    expect(run('{.items[::2].metadata.name}')).toBe('a c');
  });
  it('filters with comparisons and existence', () => {
    expect(run('{.items[?(@.status.phase=="Running")].metadata.name}')).toBe('a c');
    expect(run('{.items[?(@.spec.replicas>1)].metadata.name}')).toBe('b c');
    expect(run('{.items[?(@.spec.nodeName)].metadata.name}')).toBe('a b');
  });
  it('ranges with literal text', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe('a\tRunning\nb\tPending\nc\tRunning\n');
    expect(run('names: {range .items[*]}[{.metadata.name}]{end}!')).toBe('names: [a][b][c]!');
  });
  it('reads escaped dots and bracketed keys', () => {
    expect(run('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}')).toBe('web');
    expect(run("{.items[0].metadata.labels['app.kubernetes.io/name']}")).toBe('web');
  });
  it('supports unions and recursive descent', () => {
    expect(run('{.items[0,2].metadata.name}')).toBe('a c');
    expect(run('{..phase}')).toBe('Running Pending Running');
  });
  it('reports index errors like upstream', () => {
    expect(() => printJSONPath('{.items[5]}', list)).toThrow(/^error executing jsonpath "\{\.items\[5\]\}": Error executing template: array index out of bounds: index 5, length 3\./);
  });
  it('reports parse errors like upstream', () => {
    expect(() => printJSONPath('{.items[x]}', list)).toThrow('error parsing jsonpath {.items[x]}, invalid array index x');
    expect(() => printJSONPath('{end}', list)).toThrow('not in range, nothing to end');
  });
});
