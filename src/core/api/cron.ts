/**
 * Cron schedules as CronJobs read them: robfig/cron v3's ParseStandard (five fields,
 * `@hourly`-style descriptors, `@every <duration>`, an optional `TZ=`/`CRON_TZ=` prefix)
 * and SpecSchedule.Next. Error messages are robfig's, since the API server returns them
 * verbatim in `spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]`.
 *
 * Times are computed on "wall clock" fields in the schedule's time zone: UTC by default (the
 * kube-controller-manager of a kubeadm cluster runs in UTC), or an IANA zone through Intl.
 */

/** CronSchedule is a parsed schedule: `next(t)` is the first activation strictly after t (epoch ms). */
export interface CronSchedule {
  next(afterMs: number): number;
}

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELD_BOUNDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

/** DESCRIPTORS are robfig's predefined schedules. */
const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** CronParseError carries robfig's message. */
export class CronParseError extends Error {}

/** A field: the set of allowed values and whether it was `*`/`?` (robfig's starBit). */
interface FieldSet {
  values: Set<number>;
  star: boolean;
}

/** mustParseInt is robfig's: a non-negative decimal, with strconv.Atoi's wording on failure. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: Bounds['names']): number {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : mustParseInt(expr);
}

/** getRange parses one comma-separated part: `*`, `?`, `N`, `N-M`, with an optional `/step`. */
function getRange(expr: string, r: Bounds, into: FieldSet): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = r.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) {
    throw new CronParseError(`too many slashes: ${expr}`);
  }
  if (start < r.min) throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.values.add(v);
  into.star ||= star;
}

function getField(text: string, r: Bounds): FieldSet {
  const set: FieldSet = { values: new Set(), star: false };
  for (const part of text.split(',')) getRange(part, r, set);
  return set;
}

/** isValidTimeZone tells whether Intl knows an IANA zone name (time.LoadLocation's job upstream). */
export function isValidTimeZone(name: string): boolean {
  if (name === '' || name === 'UTC' || name === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** zoneOffsetMs is the zone's UTC offset at an instant: wall time minus UTC. */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  if (timeZone === '' || timeZone === 'UTC' || timeZone === 'Local') return 0;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(atMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(atMs / 1000) * 1000;
}

/** wallToInstant turns wall-clock ms in a zone back into an instant (two passes settle DST). */
function wallToInstant(timeZone: string, wallMs: number): number {
  let instant = wallMs - zoneOffsetMs(timeZone, wallMs);
  instant = wallMs - zoneOffsetMs(timeZone, instant);
  return instant;
}

/** SpecSchedule is robfig's SpecSchedule: five fields in one time zone. */
class SpecSchedule implements CronSchedule {
  constructor(
    private readonly fields: FieldSet[],
    private readonly timeZone: string,
  ) {}

  private dayMatches(d: Date): boolean {
    const [, , dom, , dow] = this.fields;
    const domMatch = dom.values.has(d.getUTCDate());
    const dowMatch = dow.values.has(d.getUTCDay());
    return dom.star || dow.star ? domMatch && dowMatch : domMatch || dowMatch;
  }

  next(afterMs: number): number {
    const [minute, hour, , month] = this.fields;
    // Work on wall-clock fields held in a UTC Date, starting at the next whole minute.
    const wall = new Date(Math.floor((afterMs + zoneOffsetMs(this.timeZone, afterMs)) / 60_000) * 60_000 + 60_000);
    const limit = wall.getUTCFullYear() + 5;
    while (wall.getUTCFullYear() <= limit) {
      if (!month.values.has(wall.getUTCMonth() + 1)) {
        wall.setUTCMonth(wall.getUTCMonth() + 1, 1);
        wall.setUTCHours(0, 0, 0, 0);
        continue;
      }
      if (!this.dayMatches(wall)) {
        wall.setUTCDate(wall.getUTCDate() + 1);
        wall.setUTCHours(0, 0, 0, 0);
        continue;
      }
      if (!hour.values.has(wall.getUTCHours())) {
        wall.setUTCHours(wall.getUTCHours() + 1, 0, 0, 0);
        continue;
      }
      if (!minute.values.has(wall.getUTCMinutes())) {
        wall.setUTCMinutes(wall.getUTCMinutes() + 1, 0, 0);
        continue;
      }
      return wallToInstant(this.timeZone, wall.getTime());
    }
    return Number.POSITIVE_INFINITY;
  }
}

/** EverySchedule is `@every <duration>`: activations every interval, rounded to whole seconds. */
class EverySchedule implements CronSchedule {
  constructor(private readonly intervalMs: number) {}
  next(afterMs: number): number {
    return Math.floor(afterMs / 1000) * 1000 + this.intervalMs;
  }
}

/** parseGoDuration reads a Go duration like `1h30m`, `90s` (units h, m, s, ms). */
function parseGoDuration(text: string): number | undefined {
  const re = /([0-9]+(?:\.[0-9]+)?)(h|ms|m|s)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    consumed = re.lastIndex;
  }
  return consumed === text.length && text.length > 0 ? total : undefined;
}

/**
 * parseStandardCron is cron.ParseStandard: throws CronParseError with robfig's message.
 * `defaultTimeZone` applies when the spec has no `TZ=` prefix (the CronJob's spec.timeZone).
 */
export function parseStandardCron(spec: string, defaultTimeZone = ''): CronSchedule {
  if (spec.length === 0) throw new CronParseError('empty spec string');
  let timeZone = defaultTimeZone;
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    const name = rest.slice(rest.indexOf('=') + 1, space < 0 ? undefined : space);
    if (!isValidTimeZone(name)) throw new CronParseError(`provided bad location ${name}: unknown time zone ${name}`);
    timeZone = name;
    rest = space < 0 ? '' : rest.slice(space).trim();
  }
  if (rest.startsWith('@')) {
    if (rest.startsWith('@every ')) {
      const text = rest.slice('@every '.length);
      const ms = parseGoDuration(text);
      if (ms === undefined) throw new CronParseError(`failed to parse duration ${rest}: time: invalid duration ${JSON.stringify(text)}`);
      return new EverySchedule(Math.max(1000, Math.floor(ms / 1000) * 1000));
    }
    const expanded = DESCRIPTORS[rest];
    if (expanded === undefined) throw new CronParseError(`unrecognized descriptor: ${rest}`);
    rest = expanded;
  }
  const fields = rest.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  return new SpecSchedule(
    fields.map((f, i) => getField(f, FIELD_BOUNDS[i])),
    timeZone,
  );
}
