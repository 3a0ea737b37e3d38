import { describe, expect, it } from 'vitest';
import { printYAML, toYAML, yamlKeyLess } from './yaml.ts';
import { resolvesAsNonString, scalarStyle } from './yamlScalar.ts';

describe('toYAML', () => {
  it('quotes like kubectl v1.32 (outputs captured from the real kubectl)', () => {
    const data = {
      base: '1:20', d: '-', f: '1.5', h: '<a&b>', hash: 'a #b', lt: 'a \nb', o: '0755', sp: ' x', tr: 'x ',
      ts: '2024-01-01T00:00:00Z', u: '\x01x', y: 'y', tab: 'a\tb', nl2: 'x\ny', multi: 'line1\nline2\n',
    };
    expect(toYAML({ data })).toBe(
      [
        'data:',
        '  base: "1:20"',
        "  d: '-'",
        '  f: "1.5"',
        '  h: <a&b>',
        "  hash: 'a #b'",
        '  lt: "a \\nb"',
        '  multi: |',
        '    line1',
        '    line2',
        '  nl2: |-',
        '    x',
        '    y',
        '  o: "0755"',
        "  sp: ' x'",
        '  tab: "a\\tb"',
        "  tr: 'x '",
        '  ts: "2024-01-01T00:00:00Z"',
        '  u: "\\x01x"',
        '  "y": "y"',
        '',
      ].join('\n'),
    );
  });

  it('keeps sequences at the parent indent and prints empty collections inline', () => {
    expect(toYAML({ spec: { containers: [{ name: 'x', ports: [{ containerPort: 80 }] }], volumes: [], resources: {} } })).toBe(
      'spec:\n  containers:\n  - name: x\n    ports:\n    - containerPort: 80\n  resources: {}\n  volumes: []\n',
    );
  });

  it('prints several objects as a v1 List', () => {
    expect(printYAML([{ kind: 'Pod', metadata: { name: 'a' } }, { kind: 'Pod', metadata: { name: 'b' } }])).toBe(
      'apiVersion: v1\nitems:\n- kind: Pod\n  metadata:\n    name: a\n- kind: Pod\n  metadata:\n    name: b\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('prints nested sequences, null and numbers', () => {
    expect(toYAML({ a: [[1, 2], null], b: 1.5, c: true, d: null })).toBe('a:\n- - 1\n  - 2\n- null\nb: 1.5\nc: true\nd: null\n');
  });
});

describe('yamlKeyLess', () => {
  it('orders digit runs numerically and non-letters before letters', () => {
    const keys = ['item10', 'item9', 'a_b', 'aB', 'Z', 'a'];
    expect(keys.sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual(['Z', 'a', 'a_b', 'aB', 'item9', 'item10']);
  });
});

describe('scalar rules', () => {
  it('resolves YAML 1.1 non-strings', () => {
    for (const s of ['', 'yes', 'Off', '~', '0x1F', '-12', '1e3', '.5', '2024-01-01']) expect(resolvesAsNonString(s), s).toBe(true);
    for (const s of ['nginx', '1.2.3', 'v1', '-', 'a1']) expect(resolvesAsNonString(s), s).toBe(false);
  });
  it('falls back from plain to quoted', () => {
    expect(scalarStyle('*', false)).toBe('single');
    expect(scalarStyle('x\ny', true)).toBe('double');
    expect(scalarStyle('app=web', false)).toBe('plain');
  });
});
