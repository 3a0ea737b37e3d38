/**
 * kubectl rollout (rollout/rollout.go): manage Deployment, DaemonSet and StatefulSet
 * rollouts. Each subcommand lives in its own file.
 */
import type { KubectlCommand } from '../../command.ts';
import { history } from './history.ts';
import { pause } from './pause.ts';
import { restart } from './restart.ts';
import { resume } from './resume.ts';
import { status } from './status.ts';
import { undo } from './undo.ts';

export const rollout: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  subcommands: [history, pause, restart, resume, status, undo],
};
