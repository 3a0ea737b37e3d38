/**
 * transcript runs a learner's session the way `kubeplay run --echo` shows it: each input is
 * echoed as `$ <line>` (here-doc bodies as `> ` continuation lines are not echoed, only the
 * command line), followed by what it printed on stdout and stderr. Workflow tests compare
 * whole transcripts so a reader sees the session exactly as a learner would.
 */
import fs from 'node:fs';
import type { Scenario } from '../harness.ts';

/** splitInputs cuts a script into terminal inputs; a line ending in `<<WORD` takes its here-doc body with it. */
export function splitInputs(script: string): string[] {
  const raw = script.split('\n');
  const inputs: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let input = raw[i];
    const heredoc = /<<-?'?(\w+)'?$/.exec(input);
    if (heredoc) {
      while (++i < raw.length) {
        input += '\n' + raw[i];
        if (raw[i].trim() === heredoc[1]) break;
      }
    }
    if (input.trim()) inputs.push(input);
  }
  return inputs;
}

/** transcript runs every input of `script` in order and returns the echoed session. */
export async function transcript(s: Scenario, script: string): Promise<string> {
  let out = '';
  for (const input of splitInputs(script)) {
    out += `$ ${input.split('\n')[0]}\n`;
    out += await s.out(input);
  }
  record(script, out);
  return out;
}

/**
 * record keeps what each script printed when KUBEPLAY_RECORD_TRANSCRIPTS names a directory:
 * scripts/update-goldens.mjs then writes it into the tests, and `git diff` shows a reviewer
 * exactly what changed in every session.
 */
function record(script: string, output: string): void {
  const dir = process.env.KUBEPLAY_RECORD_TRANSCRIPTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(`${dir}/transcripts.jsonl`, `${JSON.stringify({ script, output })}\n`);
}
