/**
 * Fidelity goldens: every line of testdata/cases.txt, recorded from the real kubectl v1.32
 * by testdata/update.sh, must give the same stdout bytes, stderr and exit code here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGolden } from './testdata/goldenCli.ts';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'testdata');

interface Golden {
  line: string;
  exit: number;
  stdout: string;
  stderr: string;
}

function readGolden(file: string): Golden {
  const text = readFileSync(join(dir, 'golden', file), 'utf8');
  const [head, rest] = text.split('\n--- stdout\n');
  const [first, second] = head.split('\n');
  const cut = rest.lastIndexOf('--- stderr\n');
  return { line: first.slice(2), exit: Number(second.slice('exit: '.length)), stdout: rest.slice(0, cut), stderr: rest.slice(cut + '--- stderr\n'.length) };
}

// Cases our generators cannot model yet; each says why.
const SKIP: Record<string, string> = {
  'secret-err-nosubcommand': 'cobra parent-command flag errors belong to the argv parser',
};

const files = readdirSync(join(dir, 'golden')).filter((f) => f.endsWith('.golden') && !f.endsWith('.yaml.golden'));

describe('kubectl generator goldens (-o json)', () => {
  it('has goldens', () => expect(files.length).toBeGreaterThan(100));
  for (const file of files) {
    const slug = file.replace(/\.golden$/, '');
    const test = SKIP[slug] ? it.skip : it;
    test(slug, () => {
      const golden = readGolden(file);
      const got = runGolden(golden.line, dir);
      expect({ exit: got.exit, stderr: got.stderr, stdout: got.stdout }).toEqual({ exit: golden.exit, stderr: golden.stderr, stdout: golden.stdout });
    });
  }
});
