/**
 * The headless CLI (DESIGN §8):
 *   kubeplay              an interactive terminal on a fresh default cluster
 *   kubeplay run FILE|-   run a script of terminal lines; --echo prints "$ <line>" first
 *   kubeplay serve        the cluster over the Kubernetes HTTP API (for the real kubectl)
 */
import { readFileSync } from 'node:fs';
import { runScriptFile } from './runScript.ts';
import { interactive } from './interactive.ts';
import { serve } from './serve.ts';

const USAGE = `Usage:
  kubeplay                 open a terminal on a fresh simulated cluster
  kubeplay run FILE|-      run a script of terminal lines (--echo prints "$ <line>" before each)
  kubeplay serve [--port N] serve the cluster over the Kubernetes API on 127.0.0.1 and write a kubeconfig
`;

/** main runs the CLI and resolves to the process exit status. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
      return interactive();
    case 'run': {
      const echo = rest.includes('--echo');
      const files = rest.filter((a) => a !== '--echo');
      if (files.length !== 1) {
        process.stderr.write(USAGE);
        return 2;
      }
      const text = files[0] === '-' ? readFileSync(0, 'utf8') : readFileSync(files[0], 'utf8');
      return runScriptFile(text, { echo, stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
    }
    case 'serve':
      return serve(rest);
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`kubeplay: unknown command "${cmd}"\n${USAGE}`);
      return 2;
  }
}
