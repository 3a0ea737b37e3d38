import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OBJECT_OUTPUT_FORMATS, parseOutputFormat, printObjects } from './printer.ts';

const golden = (f: string) => readFileSync(join(import.meta.dirname, 'testdata', f), 'utf8');

describe('parseOutputFormat', () => {
  it('parses every -o form', () => {
    expect(parseOutputFormat('')).toEqual({ kind: 'table', wide: false });
    expect(parseOutputFormat('wide')).toEqual({ kind: 'table', wide: true });
    expect(parseOutputFormat('jsonpath={.a}')).toEqual({ kind: 'jsonpath', template: '{.a}', asJSON: false });
    expect(parseOutputFormat('jsonpath-as-json={.a}')).toEqual({ kind: 'jsonpath', template: '{.a}', asJSON: true });
    expect(parseOutputFormat('go-template={{.a}}')).toEqual({ kind: 'go-template', template: '{{.a}}' });
    expect(parseOutputFormat('custom-columns=N:.metadata.name')).toEqual({ kind: 'custom-columns', columns: [{ header: 'N', fieldSpec: '{.metadata.name}' }] });
    expect(parseOutputFormat('jsonpath-file=t.txt', { readFile: () => '{.b}' })).toEqual({ kind: 'jsonpath', template: '{.b}', asJSON: false });
  });
  it('rejects unknown formats with kubectl get\'s message', () => {
    expect(() => parseOutputFormat('foo')).toThrow(
      'unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    );
  });
  it('matches kubectl create\'s message (golden)', () => {
    expect(() => parseOutputFormat('foo', { allowed: OBJECT_OUTPUT_FORMATS })).toThrow(golden('deployment.unknown-format.golden').replace(/^error: /, '').trimEnd());
  });
});

describe('printObjects', () => {
  const pods = [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' } },
  ];
  it('wraps several objects in a List for jsonpath', () => {
    expect(printObjects({ kind: 'jsonpath', template: '{.items[*].metadata.name}', asJSON: false }, pods)).toEqual({ stdout: 'a b' });
    expect(printObjects({ kind: 'jsonpath', template: '{.kind}', asJSON: false }, pods)).toEqual({ stdout: 'List' });
  });
  it('prints names one per line', () => {
    expect(printObjects({ kind: 'name' }, pods)).toEqual({ stdout: 'pod/a\npod/b\n' });
  });
});
