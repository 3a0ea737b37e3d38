/**
 * Reading the fidelity sweep's inputs: cases.txt, the goldens update.sh recorded from the
 * real kubectl, and KNOWN_DIFFERENCES.md; and running one case on a fresh terminal.
 * Free of Vitest so report.ts can use it from the command line.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenario, type LineResult, type Scenario } from '../scenarios/harness.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** FidelityCase is one recorded line of cases.txt. */
export interface FidelityCase {
  slug: string;
  section: string;
  line: string;
}

/** Golden is what the real kubectl printed for a case. */
export interface Golden {
  line: string;
  exit: number;
  stdout: string;
  stderr: string;
}

/** readCases parses cases.txt: `## section` headers, `# comments`, `<slug> <line>` entries. */
export function readCases(): FidelityCase[] {
  const cases: FidelityCase[] = [];
  let section = '';
  for (const raw of readFileSync(join(here, 'cases.txt'), 'utf8').split('\n')) {
    if (raw.startsWith('## ')) section = raw.slice(3).trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const cut = raw.indexOf(' ');
    cases.push({ slug: raw.slice(0, cut), section, line: raw.slice(cut + 1) });
  }
  return cases;
}

/** readGolden parses golden/<slug>.golden (undefined when it was never recorded). */
export function readGolden(slug: string): Golden | undefined {
  const file = join(here, 'golden', `${slug}.golden`);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const [head, rest] = text.split('\n--- stdout\n');
  const [first, second] = head.split('\n');
  const cut = rest.lastIndexOf('--- stderr\n');
  return {
    line: first.slice(2),
    exit: Number(second.slice('exit: '.length)),
    stdout: rest.slice(0, cut),
    stderr: rest.slice(cut + '--- stderr\n'.length),
  };
}

/** knownDifferences reads the `- \`slug\`: reason` entries of KNOWN_DIFFERENCES.md. */
export function knownDifferences(): Map<string, string> {
  const known = new Map<string, string>();
  const text = readFileSync(join(here, 'KNOWN_DIFFERENCES.md'), 'utf8');
  for (const m of text.matchAll(/^- `([\w.-]+)`(?:, `([\w.-]+)`)*: (.*)$/gm)) {
    for (const slug of m[0].slice(2, m[0].indexOf(': ')).split(', ')) known.set(slug.replace(/`/g, ''), m[m.length - 1]);
  }
  return known;
}

/** KLOG matches klog headers, which carry the wall clock and pid of the recording. */
const KLOG = /^[EWI]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm;

/** normalise strips only what is truly environmental from a result. */
export function normalise(r: { status: number; stdout: string; stderr: string }) {
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(KLOG, '') };
}

/** freshTerminal is a new default cluster whose /root/files holds the cases' input files. */
export async function freshTerminal(): Promise<Scenario> {
  const s = await scenario();
  const fs = s.session.shell.fs;
  fs.mkdir('/root/files', { parents: true });
  for (const f of readdirSync(join(here, 'files'))) fs.write(`/root/files/${f}`, readFileSync(join(here, 'files', f), 'utf8'));
  await s.run('cd /root');
  return s;
}

/** runCase types a case's line into a fresh terminal. */
export async function runCase(line: string): Promise<LineResult> {
  const s = await freshTerminal();
  return s.run(line);
}

