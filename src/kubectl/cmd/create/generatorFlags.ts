/**
 * Glue between kubectl's parsed flags and the pure generators in ../../generators:
 * the flag table of a generator command (from the real help, with the pflag types the
 * generators' own help capture knows better), the flags turned into the camelCase
 * object a generator takes, and the GeneratorContext backed by the invocation.
 */
import type { Invocation } from '../../command.ts';
import type { FlagDef } from '../../flags.ts';
import { parseGoDuration } from '../../flags.ts';
import { generatorHelp, type GeneratorContext } from '../../generators/index.ts';
import { flagsFor } from '../../help/index.ts';

/** generatorFlagDefs is the local flag table of a generator command ("create deployment", "run"). */
export function generatorFlagDefs(path: string): FlagDef[] {
  const specs = generatorHelp[path]?.options ?? [];
  return flagsFor(path).map((def) => {
    const spec = specs.find((s) => s.name === def.name);
    if (!spec) return def;
    switch (spec.type) {
      case 'stringArray':
      case 'stringSlice':
        return { ...def, type: spec.type, default: [] };
      case 'string':
        return def.type === 'string' ? def : { ...def, type: 'string', default: String(spec.default ?? '') };
      case 'map':
        return { ...def, type: 'string', default: '' };
      default:
        return def;
    }
  });
}

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * generatorFlags returns the flags the user set, keyed by camelCase name, with durations as
 * `<name>Seconds` and maps as records: the shape every generator's Flags interface has.
 */
export function generatorFlags(inv: Invocation, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of generatorHelp[path]?.options ?? []) {
    if (!inv.flags.changed(spec.name)) continue;
    const field = camel(spec.name);
    switch (spec.type) {
      case 'bool':
        out[field] = inv.flags.bool(spec.name);
        break;
      case 'int':
        out[field] = inv.flags.int(spec.name);
        break;
      case 'duration':
        out[`${field}Seconds`] = (parseGoDuration(inv.flags.string(spec.name)) ?? 0) / 1000;
        break;
      case 'stringArray':
      case 'stringSlice':
        out[field] = inv.flags.strings(spec.name);
        break;
      case 'map':
        out[field] = Object.fromEntries(
          inv.flags
            .string(spec.name)
            .split(',')
            .filter((kv) => kv !== '')
            .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
        );
        break;
      default:
        out[field] = inv.flags.string(spec.name);
    }
  }
  return out;
}

/** positionalArgs are the arguments before `--`; dashArgs the ones after it. */
export function positionalArgs(inv: Invocation): string[] {
  return inv.dashIndex < 0 ? inv.args : inv.args.slice(0, inv.dashIndex);
}

/** dashArgs are the arguments after `--` (a container's command or args). */
export function dashArgs(inv: Invocation): string[] {
  return inv.dashIndex < 0 ? [] : inv.args.slice(inv.dashIndex);
}

/** generatorContext gives a generator the workspace, environment, discovery and cluster. */
export function generatorContext(inv: Invocation): GeneratorContext {
  const { ctx } = inv;
  return {
    namespace: inv.explicitNamespace ? inv.namespace : undefined,
    readFile: (p) => (ctx.fs.exists(p, ctx.cwd) && ctx.fs.stat(p, ctx.cwd).type === 'file' ? ctx.fs.read(p, ctx.cwd) : undefined),
    getEnv: (k) => ctx.env.get(k),
    resolveResource: (resource, group) => {
      const def = inv.mapper.find(group ? `${resource}.${group}` : resource);
      return def ? { group: def.group, resource: def.resource } : undefined;
    },
    warn: (m) => ctx.stderr(`${m}\n`),
    getObject: (resource, name) => {
      const def = inv.mapper.find(resource);
      if (!def) return undefined;
      try {
        return ctx.client.get(def, def.namespaced ? inv.namespace : '', name);
      } catch {
        return undefined;
      }
    },
  };
}

/** klogPrefix is the header of a klog error line ("E1122 05:34:02.227961    4519 "), from the virtual clock. */
export function klogPrefix(now: number, level = 'E'): string {
  const d = new Date(now);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}    4519 `;
}
