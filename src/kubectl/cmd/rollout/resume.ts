/**
 * kubectl rollout resume (rollout/rollout_resume.go): unpause a Deployment so the
 * controller rolls out what changed while it was paused.
 */
import type { KubectlCommand } from '../../command.ts';
import { setPaused } from './pause.ts';

export const resume: KubectlCommand = {
  name: 'resume',
  short: 'Resume a paused resource',
  run: (inv) => setPaused(inv, false),
};
