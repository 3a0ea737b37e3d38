import type { Command } from '../types.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2, c = '0'): string => String(n).padStart(w, c);

/** formatDate renders a UTC time with the strftime conversions `date +FORMAT` users reach for. */
export function formatDate(ms: number, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const map: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    h: () => MONTHS[d.getUTCMonth()],
    d: () => pad(d.getUTCDate()),
    e: () => pad(d.getUTCDate(), 2, ' '),
    H: () => pad(d.getUTCHours()),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    m: () => pad(d.getUTCMonth() + 1),
    Y: () => String(d.getUTCFullYear()),
    y: () => pad(d.getUTCFullYear() % 100),
    Z: () => 'UTC',
    z: () => '+0000',
    s: () => String(Math.floor(ms / 1000)),
    N: () => pad((ms % 1000) * 1000000, 9),
    j: () => pad(Math.floor((ms - start) / 86400000) + 1, 3),
    F: () => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    T: () => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return format.replace(/%([a-zA-Z%])/g, (m, c: string) => (map[c] ? map[c]() : m));
}

/** dateCommand is `date` against the host clock: default format, `+FORMAT`, `-u`, `-I`, `-R`. */
export function dateCommand(now: () => number): Command {
  return async (io) => {
    let format: string | undefined;
    for (const a of io.argv.slice(1)) {
      if (a.startsWith('+')) format = a.slice(1);
      else if (a === '-I' || a === '--iso-8601' || a === '-Idate') format = '%F';
      else if (a === '-Iseconds') format = '%FT%T+00:00';
      else if (a === '-R' || a === '--rfc-email') format = '%a, %d %b %Y %T +0000';
      else if (a === '-u' || a === '--utc') continue;
      else {
        io.stderr(`date: invalid date '${a}'\n`);
        return 1;
      }
    }
    io.stdout(formatDate(now(), format) + '\n');
    return 0;
  };
}
