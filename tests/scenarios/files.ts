/**
 * writeFile puts a file into a scenario terminal's working directory, as if the learner
 * had saved it in the editor.
 */
import type { Scenario } from './harness.ts';

export function writeFile(s: Scenario, path: string, text: string): void {
  s.session.shell.fs.write(path, text, s.session.shell.cwd);
}
