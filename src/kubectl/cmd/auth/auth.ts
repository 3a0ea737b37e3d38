/** kubectl auth (staging/src/k8s.io/kubectl/pkg/cmd/auth/auth.go): can-i, reconcile and whoami. */
import type { KubectlCommand } from '../../command.ts';
import { canI } from './canI.ts';
import { reconcile } from './reconcile.ts';
import { whoami } from './whoami.ts';

/** auth is `kubectl auth SUBCOMMAND`. */
export const auth: KubectlCommand = {
  name: 'auth',
  short: 'Inspect authorization',
  subcommands: [canI, reconcile, whoami],
};
