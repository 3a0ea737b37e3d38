#!/usr/bin/env node
/**
 * update-goldens: after a deliberate behaviour change, rewrite the expected transcripts of
 * the workflow tests (tests/scenarios/workflows) with what the sessions now print.
 *
 *   node scripts/update-goldens.mjs [test paths...]
 *
 * It runs the tests with KUBEPLAY_RECORD_TRANSCRIPTS set and `-u` (inline snapshots update
 * themselves), then replaces the template literal passed to `.toBe(` in each
 * `expect(await transcript(s, `...`)).toBe(`...`)` whose script was recorded.
 * Review the result with `git diff`: every change must be what a real cluster would print.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['tests/scenarios/workflows'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeplay-goldens-'));
try {
  execFileSync('npx', ['vitest', 'run', '-u', ...targets], { stdio: 'inherit', env: { ...process.env, KUBEPLAY_RECORD_TRANSCRIPTS: dir } });
} catch {
  // failing tests are the point
}
const recorded = new Map();
const file = path.join(dir, 'transcripts.jsonl');
if (fs.existsSync(file)) for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const { script, output } = JSON.parse(line);
  recorded.set(script, output);
}

/** readTemplate returns [raw body, end index] of the template literal starting at i (a backtick). */
function readTemplate(src, i) {
  let j = i + 1;
  while (j < src.length && src[j] !== '`') {
    if (src[j] === '\\') j++;
    else if (src[j] === '$' && src[j + 1] === '{') return undefined; // substitutions: leave alone
    j++;
  }
  return [src.slice(i + 1, j), j + 1];
}
const unescape = (raw) => raw.replace(/\\([`\\$])/g, '$1');
const escape = (text) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

let changed = 0;
const files = targets.flatMap((t) => (fs.statSync(t).isDirectory() ? fs.readdirSync(t).map((f) => path.join(t, f)) : [t])).filter((f) => f.endsWith('.test.ts'));
for (const f of files) {
  let src = fs.readFileSync(f, 'utf8');
  let at = 0;
  for (;;) {
    const call = src.indexOf('transcript(', at);
    if (call < 0) break;
    at = call + 1;
    // Only `expect(await transcript(s, `...`)).toBe(`...`)`: a transformed transcript (masked
    // names...) cannot be written back as it was recorded.
    if (!/expect\(\s*await\s+$/.test(src.slice(Math.max(0, call - 40), call))) continue;
    const open = src.indexOf('`', call);
    const script = readTemplate(src, open);
    if (!script) continue;
    const toBe = src.indexOf('.toBe(', script[1]);
    const nextCall = src.indexOf('transcript(', script[1]);
    if (toBe < 0 || (nextCall >= 0 && nextCall < toBe)) continue;
    const expOpen = src.indexOf('`', toBe);
    if (src.slice(toBe + '.toBe('.length, expOpen).trim() !== '') continue;
    const expected = readTemplate(src, expOpen);
    const output = recorded.get(unescape(script[0]));
    if (!expected || output === undefined || unescape(expected[0]) === output) continue;
    src = src.slice(0, expOpen + 1) + escape(output) + src.slice(expected[1] - 1);
    changed++;
  }
  fs.writeFileSync(f, src);
}
console.log(`update-goldens: ${changed} transcript(s) rewritten; review with git diff`);
