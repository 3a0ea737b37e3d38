/**
 * transcript runs a learner's session the way `kubeplay run --echo` shows it: each input is
 * echoed as `$ <line>` (here-doc bodies as `> ` continuation lines are not echoed, only the
 * command line), followed by what it printed on stdout and stderr. Workflow tests compare
 * whole transcripts so a reader sees the session exactly as a learner would.
 */
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
  return out;
}
