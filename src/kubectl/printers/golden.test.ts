/**
 * Golden tests against the real kubectl v1.32: testdata/<case>.input.json is what kubectl
 * printed with -o json, and testdata/<case>.<format>.golden what it printed with that
 * format for the same object. Regenerate with testdata/update.sh.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toJSON } from './json.ts';
import { printName } from './name.ts';
import { toYAML } from './yaml.ts';
import { printJSONPath } from './jsonpath.ts';
import { printGoTemplate } from './goTemplate.ts';

const dir = join(import.meta.dirname, 'testdata');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.input.json'))
  .map((f) => f.slice(0, -'.input.json'.length));

describe.each(cases)('%s', (name) => {
  const input = JSON.parse(read(`${name}.input.json`));
  const golden = (format: string) => {
    try {
      return read(`${name}.${format}.golden`);
    } catch {
      return undefined;
    }
  };

  it('-o yaml', () => {
    const want = golden('yaml');
    if (want !== undefined) expect(toYAML(input)).toBe(want);
  });
  it('-o json', () => {
    const want = golden('json');
    if (want !== undefined) expect(toJSON(input)).toBe(want);
  });
  it('-o name', () => {
    const want = golden('name');
    if (want !== undefined) expect(printName([input])).toBe(want);
  });
});

describe('jsonpath goldens (deployment)', () => {
  const input = JSON.parse(read('deployment.input.json'));
  const cases: [string, string, { outputJSON?: boolean; allowMissingKeys?: boolean }?][] = [
    ['name', '{.metadata.name}'],
    ['images', '{.spec.template.spec.containers[*].image}{"\\n"}'],
    ['range', '{range .spec.template.spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}'],
    ['filter', '{.spec.template.spec.containers[?(@.name=="nginx")].ports[0].containerPort}'],
    ['recursive', '{..image}'],
    ['map', '{.metadata.labels}'],
    ['missing', '{.metadata.foo}'],
    ['as-json', '{.spec.template.spec.containers[*].name}', { outputJSON: true }],
  ];
  it.each(cases)('%s', (name, template, options) => {
    expect(printJSONPath(template, input, options)).toBe(read(`deployment.jsonpath-${name}.golden`));
  });
  it('reports a missing key with --allow-missing-template-keys=false', () => {
    expect(() => printJSONPath('{.metadata.foo}', input, { allowMissingKeys: false })).toThrowError(
      expect.objectContaining({ message: read('deployment.jsonpath-missing-strict.golden').replace(/^error: /, '') }),
    );
  });
  it('reports an unclosed action', () => {
    expect(() => printJSONPath('{.metadata.name', input)).toThrowError(
      expect.objectContaining({ message: read('deployment.jsonpath-unclosed.golden').replace(/^error: /, '').trimEnd() }),
    );
  });
});

describe('go-template goldens (deployment)', () => {
  const input = JSON.parse(read('deployment.input.json'));
  it('prints fields, ranges, index and if', () => {
    const template =
      '{{.metadata.name}}{{"\\n"}}{{range .spec.template.spec.containers}}{{.name}}={{.image}}{{"\\n"}}{{end}}{{index .metadata.labels "app"}}{{if .spec.replicas}} has replicas{{end}}';
    expect(printGoTemplate(template, input)).toEqual({ output: read('deployment.go-template.golden') });
  });
  it('prints <no value> for a missing key', () => {
    expect(printGoTemplate('{{.metadata.foo}}', input)).toEqual({ output: read('deployment.go-template-missing.golden') });
  });
  it('fails like kubectl with --allow-missing-template-keys=false', () => {
    const result = printGoTemplate('{{.metadata.name}} {{.metadata.foo}}', input, { allowMissingKeys: false });
    expect(result.output).toBe(read('deployment.go-template-strict.golden'));
    expect(`error: ${result.error}\n`).toBe(read('deployment.go-template-strict.stderr.golden'));
  });
});
