/**
 * kubectl set resources (set/set_resources.go): `--limits=cpu=200m,memory=512Mi`,
 * `--requests=...`, `-c` to pick containers → `deployment.apps/web resource requirements updated`.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { runPodSpecUpdate } from './podSpecUpdate.ts';

export const resources: KubectlCommand = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  run: runSetResources,
};

function runSetResources(inv: Invocation): number {
  const { flags } = inv;
  const limits = parseList(flags.string('limits'));
  const requests = parseList(flags.string('requests'));
  const glob = flags.string('containers') || '*';
  return runPodSpecUpdate(inv, {
    args: inv.args,
    message: 'resource requirements updated',
    validate() {
      if (Object.keys(limits).length === 0 && Object.keys(requests).length === 0) {
        throw new CommandError('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
      }
    },
    change(spec, _f, errors) {
      const containers = select([...(spec.initContainers ?? []), ...spec.containers], glob);
      if (containers.length === 0) {
        errors.push(new CommandError(`error: unable to find container named ${glob}`));
        return;
      }
      for (const c of containers) {
        const r = { ...(c.resources ?? {}) };
        if (Object.keys(limits).length > 0) r.limits = { ...(r.limits ?? {}), ...limits };
        if (Object.keys(requests).length > 0) r.requests = { ...(r.requests ?? {}), ...requests };
        c.resources = r;
      }
    },
  });
}

/** parseList reads "cpu=200m,memory=512Mi" (HandleResourceRequirementsV1's input). */
function parseList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (text === '') return out;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new CommandError(`error: Invalid argument syntax ${part}, expected <resource>=<value>`);
    const value = part.slice(eq + 1);
    if (!/^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.test(value)) {
      throw new CommandError("error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
    out[part.slice(0, eq)] = value;
  }
  return out;
}

function select(containers: Container[], glob: string): Container[] {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return containers.filter((c) => re.test(c.name));
}
