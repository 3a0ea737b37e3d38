/**
 * kubectl config view (staging/src/k8s.io/kubectl/pkg/cmd/config/view.go): the merged
 * kubeconfig as YAML (default) or any -o printer, with --minify, --raw and --flatten.
 */
import type { KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import { printObjects } from '../../output.ts';
import { configObject } from './configObject.ts';

/** view is `kubectl config view`. */
export const view: KubectlCommand = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  run(inv) {
    const { ctx, flags } = inv;
    if (inv.args.length > 0) throw new CommandError(`error: unexpected arguments: [${inv.args.join(' ')}]`);
    let obj: Record<string, unknown>;
    try {
      obj = configObject(ctx.kubeconfig, { raw: flags.bool('raw') || flags.bool('flatten'), minify: flags.bool('minify'), context: flags.string('context') });
    } catch (err) {
      throw new CommandError(`error: ${(err as Error).message}`);
    }
    const output = flags.string('output') || 'yaml';
    ctx.stdout(printObjects(output, [obj as unknown as KubeObject], false, true, { sortKeys: true, allowMissingKeys: flags.bool('allow-missing-template-keys') }));
    return 0;
  },
};
