/**
 * Flag parsing with spf13/pflag's rules, which is what kubectl (cobra) uses:
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped boolean
 * shorthands (`-it`), `--` ends flags, flags and arguments may interleave. Errors carry
 * pflag's exact wording; the caller adds kubectl's "See 'kubectl get --help' for usage.".
 */

/** FlagType is the pflag value type. */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

/** FlagDef declares one flag. */
export interface FlagDef {
  name: string;
  shorthand?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** noOptDefault is the value a flag takes when given without `=value` (e.g. --dry-run → "unchanged"). */
  noOptDefault?: string;
  usage?: string;
  hidden?: boolean;
}

/** FlagValues maps flag names to parsed values; `changed` records which the user set. */
export interface ParsedFlags {
  values: Map<string, string | number | boolean | string[]>;
  changed: Set<string>;
  args: string[];
  /** dashArgs are the arguments after `--` (ArgsLenAtDash), e.g. the command of `kubectl exec`. */
  dashIndex: number;
}

/** FlagError is a parse failure in pflag's words. */
export class FlagError extends Error {}

/** parseFlags parses argv against the declared flags. */
export function parseFlags(argv: string[], defs: FlagDef[]): ParsedFlags {
  const byName = new Map<string, FlagDef>();
  const byShort = new Map<string, FlagDef>();
  for (const d of defs) {
    byName.set(d.name, d);
    if (d.shorthand) byShort.set(d.shorthand, d);
  }
  const values = new Map<string, string | number | boolean | string[]>();
  for (const d of defs) if (d.default !== undefined) values.set(d.name, d.default);
  const changed = new Set<string>();
  const args: string[] = [];
  let dashIndex = -1;

  // pflag names a flag in errors as "-s, --long" whenever it has a shorthand, however it was typed.
  const set = (d: FlagDef, raw: string) => {
    const spelled = d.shorthand ? `-${d.shorthand}, --${d.name}` : `--${d.name}`;
    const firstTime = !changed.has(d.name);
    changed.add(d.name);
    switch (d.type) {
      case 'bool': {
        const b = parseBool(raw);
        if (b === undefined) throw new FlagError(`invalid argument "${raw}" for "${spelled}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
        values.set(d.name, b);
        return;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(raw.trim()) || raw.trim() !== raw) {
          throw new FlagError(`invalid argument "${raw}" for "${spelled}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
        }
        values.set(d.name, Number(raw));
        return;
      }
      case 'stringArray': {
        const prev = firstTime ? [] : (values.get(d.name) as string[]);
        values.set(d.name, [...prev, raw]);
        return;
      }
      case 'stringSlice': {
        const prev = firstTime ? [] : (values.get(d.name) as string[]);
        values.set(d.name, [...prev, ...(raw === '' ? [] : splitCSV(raw))]);
        return;
      }
      case 'duration': {
        const problem = goDurationError(raw);
        if (problem) throw new FlagError(`invalid argument "${raw}" for "${spelled}" flag: ${problem}`);
        values.set(d.name, raw);
        return;
      }
      default:
        values.set(d.name, raw);
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      dashIndex = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const d = byName.get(name);
      if (!d) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(d, a.slice(eq + 1));
      else if (d.type === 'bool') set(d, 'true');
      else if (d.noOptDefault !== undefined) set(d, d.noOptDefault);
      else if (i + 1 < argv.length) set(d, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A run of shorthands: -it, -n default, -ndefault, -n=default.
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const d = byShort.get(c);
        // pflag quotes the shorthands still unread: `-Az` fails "in -z".
        if (!d) throw new FlagError(`unknown shorthand flag: '${c}' in -${a.slice(j)}`);
        const rest = a.slice(j + 1);
        if (rest.startsWith('=')) {
          set(d, rest.slice(1));
          break;
        }
        if (d.type === 'bool') {
          set(d, 'true');
          j++;
          continue;
        }
        if (rest !== '') set(d, rest);
        else if (d.noOptDefault !== undefined) set(d, d.noOptDefault);
        else if (i + 1 < argv.length) set(d, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, changed, args, dashIndex };
}

function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s)) return false;
  return undefined;
}

/** splitCSV splits a stringSlice value as encoding/csv does (quotes may protect commas). */
function splitCSV(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      if (quoted && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** parseGoDuration reads Go's time.ParseDuration syntax ("1m30s", "500ms", "0"); undefined if invalid. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(s);
  if (!m) return undefined;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const part of s.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * units[part[2]];
  }
  return m[1] === '-' ? -total : total;
}

/**
 * goDurationError is time.ParseDuration's error for an invalid duration (its exact
 * wording: missing unit, unknown unit, invalid duration), or undefined if s parses.
 */
export function goDurationError(s: string): string | undefined {
  const invalid = `time: invalid duration "${s}"`;
  let rest = s.replace(/^[+-]/, '');
  if (rest === '0') return undefined;
  if (rest === '') return invalid;
  const units = ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h'];
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest)?.[0] ?? '';
    if (num === '' || num === '.') return invalid;
    rest = rest.slice(num.length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration "${s}"`;
    if (!units.includes(unit)) return `time: unknown unit "${unit}" in duration "${s}"`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

/** Accessors with types, so commands read flags without casts. */
export class Flags {
  constructor(readonly parsed: ParsedFlags) {}

  get args(): string[] {
    return this.parsed.args;
  }

  string(name: string): string {
    const v = this.parsed.values.get(name);
    return v === undefined ? '' : String(v);
  }

  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }

  int(name: string): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : Number(v ?? 0);
  }

  strings(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [String(v)];
  }

  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}
