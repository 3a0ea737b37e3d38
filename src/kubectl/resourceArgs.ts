/**
 * Resource arguments: `TYPE [NAME...]`, `TYPE1,TYPE2`, `TYPE/NAME ...`, `all` — as
 * cli-runtime's resource.Builder reads them (ResourceTypeOrNameArgs).
 */
import type { ResourceDefinition } from '../core/client/client.ts';
import { CommandError } from './errors.ts';
import type { Mapper } from './mapper.ts';

/** ResourceRequest is one resource type with the names asked for (none = all of them). */
export interface ResourceRequest {
  def: ResourceDefinition;
  names: string[];
}

/** parseResourceArgs groups arguments into per-type requests, keeping the order given. */
export function parseResourceArgs(args: string[], mapper: Mapper): ResourceRequest[] {
  if (args.length === 0) return [];
  const withSlash = args.filter((a) => a.includes('/'));
  if (withSlash.length > 0) {
    if (withSlash.length !== args.length) {
      throw new CommandError(
        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const [type, name, ...extra] = a.split('/');
      if (!type || !name || extra.length > 0) throw new CommandError(`error: arguments in resource/name form must have a single resource and name`);
      const def = mapper.resolve(type);
      const existing = out.find((r) => r.def === def);
      if (existing) existing.names.push(name);
      else out.push({ def, names: [name] });
    }
    return out;
  }
  const types = [...new Set(args[0].split(','))].filter((t) => t !== '');
  const names = args.slice(1);
  const defs: ResourceDefinition[] = [];
  for (const t of types) {
    const expanded = t === 'all' ? mapper.category('all') : [mapper.resolve(t)];
    for (const d of expanded) if (!defs.includes(d)) defs.push(d);
  }
  return defs.map((def) => ({ def, names: [...names] }));
}

/** multipleTypesRequested is resource.MultipleTypesRequested: `all`, `a,b`, or TYPE/NAME of several types. */
export function multipleTypesRequested(args: string[]): boolean {
  const kinds = new Set<string>();
  for (const a of args) {
    if (a === 'all') return true;
    const slash = a.indexOf('/');
    if (slash < 0) {
      if (new Set(a.split(',')).size > 1) return true;
      continue;
    }
    kinds.add(a.slice(0, slash));
  }
  return kinds.size > 1;
}
