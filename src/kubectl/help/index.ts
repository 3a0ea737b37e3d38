/**
 * Help texts and flag tables of the real kubectl v1.32.
 *
 * `help.json` holds the exact `kubectl <command> -h` output, captured from the real binary
 * by scripts/capture-kubectl-help.mjs. The flag table of each command is read from the
 * "Options:" section of that text, so our parser accepts exactly the flags kubectl does.
 * A few flags whose type the text cannot show (string arrays vs comma-separated slices,
 * flags usable without a value) are corrected in OVERRIDES.
 */
import type { FlagDef, FlagType } from '../flags.ts';
import help from './help.json';

const texts = help as Record<string, string>;

/** helpText returns `kubectl <path> -h` output (path like "rollout status"), if known. */
export function helpText(path: string): string | undefined {
  return texts[path];
}

/** OVERRIDES fixes flag types the help text cannot show (pflag stringArray vs stringSlice, NoOptDefVal). */
const OVERRIDES: Record<string, Partial<FlagDef>> = {
  'dry-run': { noOptDefault: 'unchanged' },
  'from-literal': { type: 'stringArray' },
  'from-file': { type: 'stringSlice' },
  'from-env-file': { type: 'stringSlice' },
  env: { type: 'stringArray' },
  for: { type: 'stringArray' },
  'label-columns': { type: 'stringSlice' },
  filename: { type: 'stringSlice' },
  image: { type: 'stringSlice' },
  annotations: { type: 'stringArray' },
  'as-group': { type: 'stringArray' },
  rule: { type: 'stringArray' },
  hard: { type: 'string' },
  cascade: { noOptDefault: 'background' },
  recursive: { type: 'bool' },
  validate: { noOptDefault: 'strict' },
  'all-containers': { type: 'bool' },
  'show-events': { type: 'bool' },
};

/** GLOBAL_FLAGS are `kubectl options`: accepted by every command. */
export const GLOBAL_FLAGS: FlagDef[] = flagsFromOptions(texts.options ?? '', true);

const cache = new Map<string, FlagDef[]>();

/** flagsFor returns the local flags of a command path, from its help text. */
export function flagsFor(path: string): FlagDef[] {
  let defs = cache.get(path);
  if (!defs) {
    defs = flagsFromOptions(texts[path] ?? '', false);
    cache.set(path, defs);
  }
  return defs;
}

function flagsFromOptions(text: string, global: boolean): FlagDef[] {
  const start = global ? 0 : text.indexOf('\nOptions:\n');
  if (start < 0) return [];
  const end = global ? text.length : text.indexOf('\nUsage:', start);
  const section = text.slice(start, end < 0 ? text.length : end);
  const defs: FlagDef[] = [];
  for (const m of section.matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=(.*):\n\t(.*)$/gm)) {
    const [, shorthand, name, rawDefault, usage] = m;
    const def: FlagDef = { name, type: inferType(rawDefault), usage };
    if (shorthand) def.shorthand = shorthand;
    def.default = parseDefault(rawDefault, def.type);
    Object.assign(def, OVERRIDES[name] ?? {});
    if (OVERRIDES[name]?.type && OVERRIDES[name]?.type !== inferType(rawDefault)) def.default = parseDefault(rawDefault, def.type);
    defs.push(def);
  }
  return defs;
}

function inferType(raw: string): FlagType {
  if (raw === 'true' || raw === 'false') return 'bool';
  if (raw.startsWith('[')) return 'stringSlice';
  if (/^-?\d+$/.test(raw)) return 'int';
  if (/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(raw)) return 'duration';
  return 'string';
}

function parseDefault(raw: string, type: FlagType): FlagDef['default'] {
  switch (type) {
    case 'bool':
      return raw === 'true';
    case 'int':
      return Number(raw);
    case 'stringSlice':
    case 'stringArray': {
      const inner = raw.replace(/^\[|\]$/g, '');
      return inner === '' ? [] : inner.split(',');
    }
    default:
      return raw.replace(/^'|'$/g, '');
  }
}

/** commandNames lists every command path with help, e.g. "rollout status". */
export function commandNames(): string[] {
  return Object.keys(texts);
}
