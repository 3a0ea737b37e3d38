/**
 * kubectl set env (set/set_env.go): `KEY=VALUE` and `KEY-` arguments (or -e), --from a
 * ConfigMap or Secret (with --prefix and --keys), -c to pick containers (a glob, `*` by
 * default), --list to print the current variables, --overwrite=false to keep existing
 * values. Changed objects read `deployment.apps/web env updated`.
 */
import type { Container, EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import { qualifiedName } from '../../mapper.ts';
import { splitResourcesAndPairs } from '../metadataUpdate.ts';
import { visitObjects } from '../visit.ts';
import { podSpecOf, runPodSpecUpdate } from './podSpecUpdate.ts';

export const env: KubectlCommand = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  run: runSetEnv,
};

function runSetEnv(inv: Invocation): number {
  const { ctx, flags } = inv;
  const { resources, pairs } = splitResourcesAndPairs(inv.args, 'env');
  if (resources.length === 0 && flags.strings('filename').length === 0) {
    throw new CommandError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const containerGlob = flags.string('containers') || '*';
  if (flags.bool('list')) return listEnv(inv, resources, containerGlob);

  const envArgs = [...flags.strings('env'), ...pairs];
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const a of envArgs) {
    const eq = a.indexOf('=');
    if (eq === 0) continue; // kubectl drops a pair without a name
    if (eq > 0) set.push({ name: a.slice(0, eq), value: a.slice(eq + 1) });
    else if (a.endsWith('-')) remove.push(a.slice(0, -1));
    else throw new CommandError(`error: environment variables must be of the form key=value and can only contain letters, numbers, and underscores`);
  }
  const from = flags.string('from');
  if (from !== '') {
    if (flags.bool('local')) throw new CommandError('error: unsupported resource specified in --from');
    set.push(...envFrom(inv, from));
  }
  const overwrite = flags.bool('overwrite');

  return runPodSpecUpdate(inv, {
    args: resources,
    message: 'env updated',
    change(spec, f, errors) {
      const containers = selectContainers([...(spec.initContainers ?? []), ...spec.containers], containerGlob);
      if (containers.length === 0) {
        ctx.stderr(`Warning: ${f.def.kind}/${f.object.metadata.name} does not have any containers matching "${containerGlob}"\n`);
        return;
      }
      for (const c of containers) {
        if (!overwrite) {
          const clash = set.find((v) => c.env?.some((e) => e.name === v.name && (e.value !== v.value || e.valueFrom)));
          if (clash) {
            const old = c.env?.find((e) => e.name === clash.name);
            errors.push(new CommandError(`error: ${qualifiedName(f.def, f.object.metadata.name ?? '')} '${clash.name}' already has a value (${old?.value ?? ''}), and --overwrite is false`));
            return;
          }
        }
        updateEnv(c, set, remove, overwrite);
      }
    },
  });
}

/** updateEnv sets and removes variables in place, keeping the order of existing ones. */
function updateEnv(c: Container, set: EnvVar[], remove: string[], overwrite: boolean): void {
  const vars = [...(c.env ?? [])];
  for (const v of set) {
    const i = vars.findIndex((e) => e.name === v.name);
    if (i < 0) vars.push(v);
    else if (overwrite) vars[i] = v;
  }
  const kept = vars.filter((e) => !remove.includes(e.name));
  if (kept.length > 0) c.env = kept;
  else delete c.env;
}

/** envFrom reads --from=configmap/NAME or secret/NAME into valueFrom references. */
function envFrom(inv: Invocation, from: string): EnvVar[] {
  const [type, name] = from.split('/');
  const def = inv.mapper.resolve(type);
  const obj = inv.ctx.client.get(def, inv.namespace, name) as { data?: Record<string, string> };
  const keys = inv.flags.strings('keys');
  const prefix = inv.flags.string('prefix');
  const out: EnvVar[] = [];
  for (const key of Object.keys(obj.data ?? {}).sort()) {
    if (keys.length > 0 && !keys.includes(key)) continue;
    const envName = prefix + key.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    const source: EnvVarSource =
      def.kind === 'Secret' ? { secretKeyRef: { name, key } } : { configMapKeyRef: { name, key } };
    out.push({ name: envName, valueFrom: source });
  }
  return out;
}

/** selectContainers matches container names against a shell glob (`*`, `web-*`). */
function selectContainers(containers: Container[], glob: string): Container[] {
  const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return containers.filter((c) => re.test(c.name));
}

/** listEnv is --list: a header per container, then KEY=VALUE or "# KEY from ..." lines. */
function listEnv(inv: Invocation, resources: string[], glob: string): number {
  const { ctx } = inv;
  const { found, errors } = visitObjects(inv, { args: resources, local: inv.flags.bool('local'), requireNames: true });
  for (const f of found) {
    const spec = podSpecOf(f.object.kind ? f.object : { ...f.object, kind: f.def.kind });
    if (!spec) continue;
    for (const c of selectContainers([...(spec.initContainers ?? []), ...spec.containers], glob)) {
      ctx.stdout(`# ${f.def.kind} ${f.object.metadata.name}, container ${c.name}\n`);
      for (const e of c.env ?? []) {
        if (!e.valueFrom) ctx.stdout(`${e.name}=${e.value ?? ''}\n`);
        else ctx.stdout(`# ${e.name} from ${refString(e.valueFrom)}\n`);
      }
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef) ctx.stdout(`# env from configmap ${ef.configMapRef.name}${ef.prefix ? ` with prefix ${ef.prefix}` : ''}\n`);
        if (ef.secretRef) ctx.stdout(`# env from secret ${ef.secretRef.name}${ef.prefix ? ` with prefix ${ef.prefix}` : ''}\n`);
      }
    }
  }
  if (errors.length > 0) throw errors[0];
  return 0;
}

/** refString is getEnvVarRefString. */
function refString(src: EnvVarSource): string {
  if (src.configMapKeyRef) return `configmap ${src.configMapKeyRef.name}, key ${src.configMapKeyRef.key}`;
  if (src.secretKeyRef) return `secret ${src.secretKeyRef.name}, key ${src.secretKeyRef.key}`;
  if (src.fieldRef) return `field path ${src.fieldRef.fieldPath}`;
  if (src.resourceFieldRef) {
    const container = src.resourceFieldRef.containerName ? ` in container ${src.resourceFieldRef.containerName}` : '';
    return `resource ${src.resourceFieldRef.resource}${container}`;
  }
  return 'invalid valueFrom';
}
