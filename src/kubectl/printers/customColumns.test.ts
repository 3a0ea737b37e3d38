import { describe, expect, it } from 'vitest';
import { parseCustomColumnsFile, parseCustomColumnsSpec, printCustomColumns, relaxedJSONPathExpression } from './customColumns.ts';

const pods = [
  { metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }], nodeName: 'node01' } },
  { metadata: { name: 'db' }, spec: { containers: [{ image: 'postgres' }] } },
];

describe('custom-columns', () => {
  it('relaxes paths as kubectl does', () => {
    expect(relaxedJSONPathExpression('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJSONPathExpression('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJSONPathExpression('{.metadata.name}')).toBe('{.metadata.name}');
  });
  it('prints aligned columns with <none>, comma-joined values and Go map formatting', () => {
    const cols = parseCustomColumnsSpec('NAME:.metadata.name,IMAGES:.spec.containers[*].image,NODE:.spec.nodeName,LABELS:.metadata.labels');
    expect(printCustomColumns(cols, pods)).toBe(
      'NAME    IMAGES          NODE     LABELS\n' +
        'web-1   nginx,busybox   node01   map[app:web]\n' +
        'db      postgres        <none>   <none>\n',
    );
    expect(printCustomColumns(cols, pods, true)).toBe('web-1   nginx,busybox   node01   map[app:web]\ndb      postgres        <none>   <none>\n');
  });
  it('reads a template file and reports bad specs', () => {
    expect(parseCustomColumnsFile('NAME   NODE\n.metadata.name .spec.nodeName\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'NODE', fieldSpec: '{.spec.nodeName}' },
    ]);
    expect(() => parseCustomColumnsSpec('NAME')).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
    expect(() => parseCustomColumnsFile('A B\n.x\n')).toThrow("number of headers (2) and field specifications (1) don't match");
  });
});
