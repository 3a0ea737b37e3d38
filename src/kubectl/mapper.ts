/**
 * The REST mapper: what kubectl does with the resource word a person types.
 *
 * Like kubectl's discovery-backed RESTMapper plus shortcut expander: plural, singular,
 * short name or kind (any case), optionally qualified with a group (`deployments.apps`)
 * or version and group (`deployments.v1.apps`). Unknown words fail with
 * `error: the server doesn't have a resource type "foo"`.
 */
import type { Client, ResourceDefinition } from '../core/client/client.ts';
import { CommandError } from './errors.ts';

/** Mapper resolves resource words against discovery. */
export class Mapper {
  constructor(private readonly client: Client) {}

  all(): ResourceDefinition[] {
    return this.client.discovery();
  }

  /** find resolves a word or returns undefined. */
  find(word: string): ResourceDefinition | undefined {
    const lower = word.toLowerCase();
    const all = this.all();
    const dot = lower.indexOf('.');
    const name = dot < 0 ? lower : lower.slice(0, dot);
    let group: string | undefined;
    let version: string | undefined;
    if (dot >= 0) {
      const rest = lower.slice(dot + 1);
      const parts = rest.split('.');
      if (/^v\d+((alpha|beta)\d+)?$/.test(parts[0]) && parts.length > 1) {
        version = parts[0];
        group = parts.slice(1).join('.');
      } else group = rest;
    }
    const candidates = all.filter((d) => (group === undefined || d.group === group) && (version === undefined || d.version === version));
    // Exact plural, then singular, then short names, then kind; the core group wins ties (events).
    const byPriority = [
      (d: ResourceDefinition) => d.resource === name,
      (d: ResourceDefinition) => d.singular === name,
      (d: ResourceDefinition) => d.shortNames.includes(name),
      (d: ResourceDefinition) => d.kind.toLowerCase() === name,
    ];
    for (const test of byPriority) {
      const hit = candidates.filter(test);
      if (hit.length > 0) return hit.find((d) => d.group === '') ?? hit[0];
    }
    return undefined;
  }

  /** resolve is find that fails like kubectl. */
  resolve(word: string): ResourceDefinition {
    const def = this.find(word);
    if (!def) throw new CommandError(`error: the server doesn't have a resource type "${word}"`);
    return def;
  }

  /** forKind finds the resource of an apiVersion/kind pair from a manifest. */
  forKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    // A kind served in several versions is stored in one; the others convert (autoscaling/v1 HPAs).
    return this.all().find((d) => d.group === group && d.kind === kind && (d.version === version || d.convertFrom?.[apiVersion] !== undefined));
  }

  /** category expands `all` (and other categories) into resources, in discovery order. */
  category(name: string): ResourceDefinition[] {
    return this.all().filter((d) => d.categories.includes(name));
  }
}

/** qualifiedName is how kubectl names an object in messages: "pod/x", "deployment.apps/web". */
export function qualifiedName(def: ResourceDefinition, name: string): string {
  return `${qualifiedKind(def)}/${name}`;
}

/** qualifiedKind is "pod" or "deployment.apps". */
export function qualifiedKind(def: ResourceDefinition): string {
  const kind = def.kind.toLowerCase();
  return def.group ? `${kind}.${def.group}` : kind;
}

/** groupResource is "pods" or "deployments.apps", the spelling used in server errors. */
export function groupResource(def: ResourceDefinition): string {
  return def.group ? `${def.resource}.${def.group}` : def.resource;
}
