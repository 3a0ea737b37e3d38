/** kubectl auth (staging/src/k8s.io/kubectl/pkg/cmd/auth/auth.go): can-i and whoami; reconcile is not emulated. */
import type { KubectlCommand } from '../../command.ts';
import { notInPlayground } from '../notInPlayground.ts';
import { canI } from './canI.ts';
import { whoami } from './whoami.ts';

/** auth is `kubectl auth SUBCOMMAND`. */
export const auth: KubectlCommand = {
  name: 'auth',
  short: 'Inspect authorization',
  subcommands: [canI, notInPlayground('reconcile', 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects'), whoami],
};
