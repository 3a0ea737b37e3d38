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
