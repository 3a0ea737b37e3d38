import { describe, expect, it } from 'vitest';
import { executeGoTemplate, parseGoTemplate } from './goTemplate.ts';

const list = {
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, spec: { replicas: 3 }, data: { k: 'aGVsbG8=' } },
    { metadata: { name: 'b' }, spec: { replicas: 0 } },
  ],
};

describe('go-template', () => {
  it('ranges, branches and trims', () => {
    expect(executeGoTemplate('{{range .items}}{{.metadata.name}}{{if .spec.replicas}}:{{.spec.replicas}}{{else}}:none{{end}} {{end}}', list)).toBe('a:3 b:none ');
    expect(executeGoTemplate('{{range .items -}}\n  {{ .metadata.name }}\n{{- end}}', list)).toBe('ab');
    expect(executeGoTemplate('{{range .items}}{{if eq .metadata.name "b"}}B{{else if eq .metadata.name "a"}}A{{end}}{{end}}', list)).toBe('AB');
  });
  it('supports with, len, printf, pipes and base64decode', () => {
    expect(executeGoTemplate('{{with index .items 0}}{{.metadata.name}}{{end}} {{len .items}}', list)).toBe('a 2');
    expect(executeGoTemplate('{{printf "%s=%v" "n" 3}} {{.items | len}}', list)).toBe('n=3 2');
    expect(executeGoTemplate('{{range .items}}{{with .data}}{{.k | base64decode}}{{end}}{{end}}', list)).toBe('hello');
  });
  it('prints Go values: maps, missing keys, large floats', () => {
    expect(executeGoTemplate('{{.x}} {{.m}} {{.big}}', { m: { b: 1, a: [1, 'x'] }, big: 1000000 })).toBe('<no value> map[a:[1 x] b:1] 1e+06');
  });
  it('binds range and declared variables', () => {
    const pod = { spec: { containers: [{ name: 'a', image: 'nginx:1.27' }, { name: 'b', image: 'busybox' }] } };
    expect(executeGoTemplate('{{range $i, $c := .spec.containers}}{{$i}}={{$c.image}} {{end}}', pod)).toBe('0=nginx:1.27 1=busybox ');
    expect(executeGoTemplate('{{range $c := .spec.containers}}{{$c.name}}{{end}}', pod)).toBe('ab');
    expect(executeGoTemplate('{{$n := len .spec.containers}}{{$n}} {{$.spec.containers | len}}', pod)).toBe('2 2');
  });

  it('reports an unclosed action on the line it opened, as text/template does', () => {
    expect(() => parseGoTemplate('{{.x')).toThrow('template: output:1: unclosed action');
    expect(() => parseGoTemplate('a\n{{.y}}\n{{.x')).toThrow('template: output:3: unclosed action');
  });
});
