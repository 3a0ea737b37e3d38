/**
 * kubectl explain as a verb: parses flags through the dispatcher, resolves the resource
 * word through discovery (so only served kinds are explained), loads the v1.32 API schema
 * and hands everything to the pure `explain()` in src/kubectl/explain/.
 */
import { loadApiSchema } from '../../../core/api/schema/index.ts';
import type { KubectlCommand } from '../../command.ts';
import { explain as runExplain, resolveServedResource, type ResourceCandidate } from '../../explain/explain.ts';

/** explain is `kubectl explain TYPE[.FIELD...]`. */
export const explain: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  async run(inv) {
    const { ctx, flags } = inv;
    const argv = [...inv.args];
    if (flags.changed('recursive')) argv.push(`--recursive=${flags.bool('recursive')}`);
    if (flags.string('api-version')) argv.push(`--api-version=${flags.string('api-version')}`);
    if (flags.changed('output')) argv.push(`--output=${flags.string('output')}`);
    const resolve = (name: string): ResourceCandidate[] => {
      const def = inv.mapper.find(name);
      if (!def) return [];
      const preferred: ResourceCandidate = { group: def.group, version: def.version, kind: def.kind, resource: def.resource };
      const others = resolveServedResource(def.resource).filter((c) => c.group === def.group && c.version !== def.version);
      return [preferred, ...others];
    };
    const result = runExplain(argv, { schema: await loadApiSchema(), resolve });
    ctx.stdout(result.stdout);
    ctx.stderr(result.stderr);
    return result.exitCode;
  },
};
