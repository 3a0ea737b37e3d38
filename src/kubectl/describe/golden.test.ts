/**
 * Golden tests: each testdata/NAME.input.yaml holds `now`, `object` and `context`;
 * NAME.output.txt holds the text kubectl v1.32 prints for it, written by hand from
 * describe.go's format strings (the real kubectl cannot describe offline).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../core/api/types.ts';
import { describeObject, type DescribeContext } from './index.ts';

const dir = join(import.meta.dirname, 'testdata');
const inputs = readdirSync(dir).filter((f) => f.endsWith('.input.yaml'));

describe('kubectl describe golden output', () => {
  it('has golden cases', () => expect(inputs.length).toBeGreaterThan(0));
  for (const file of inputs) {
    const name = file.replace(/\.input\.yaml$/, '');
    it(name, () => {
      const input = parse(readFileSync(join(dir, file), 'utf8')) as {
        now: string;
        object: KubeObject;
        context?: Omit<DescribeContext, 'now'>;
      };
      const expected = readFileSync(join(dir, `${name}.output.txt`), 'utf8');
      const got = describeObject(input.object, { ...input.context, now: Date.parse(input.now) });
      expect(got).toBe(expected);
    });
  }
});
