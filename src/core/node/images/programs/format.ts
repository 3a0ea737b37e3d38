/** Time and HTTP formatting shared by the image programs, in the formats each server really prints. */
import { utf8Length } from '../../../api/encoding.ts';
import type { Request, Response } from '../../runtime/types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    h: p2(d.getUTCHours()),
    mi: p2(d.getUTCMinutes()),
    s: p2(d.getUTCSeconds()),
    ms: String(d.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** errorLogTime is nginx's error log / Go log time: `2024/12/10 10:00:05` (containers run in UTC). */
export function errorLogTime(ms: number): string {
  // The last second's text is reused: nginx writes dozens of lines a start, all in one second.
  const sec = Math.floor(ms / 1000);
  if (sec !== lastErrorLogSecond) {
    const t = parts(ms);
    lastErrorLogSecond = sec;
    lastErrorLogTime = `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${t.h}:${t.mi}:${t.s}`;
  }
  return lastErrorLogTime;
}

let lastErrorLogSecond = Number.NaN;
let lastErrorLogTime = '';

/** commonLogTime is the access log `$time_local`: `10/Dec/2024:10:00:05 +0000`. */
export function commonLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${t.h}:${t.mi}:${t.s} +0000`;
}

/** httpDate is the RFC 7231 `Date` header: `Tue, 10 Dec 2024 10:00:05 GMT`. */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s} GMT`;
}

/** apacheErrorTime is Apache's error log time: `Tue Dec 10 10:00:05.123000 2024`. */
export function apacheErrorTime(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${t.h}:${t.mi}:${t.s}.${t.ms}000 ${t.y}`;
}

/** redisLogTime is Redis' log time: `10 Dec 2024 10:00:05.123`. */
export function redisLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s}.${t.ms}`;
}

/** isoSpaceTime is the `2024-12-10 10:00:05` form used by postgres/mysql entrypoints. */
export function isoSpaceTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.h}:${t.mi}:${t.s}`;
}

/** pythonLogTime is http.server's log time: `10/Dec/2024 10:00:05`. */
export function pythonLogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y} ${t.h}:${t.mi}:${t.s}`;
}

/** byteLength is the UTF-8 length of a body (Content-Length, `$body_bytes_sent`). */
export const byteLength = utf8Length;

/** requestLine is `"GET / HTTP/1.1"` as access logs quote it. */
export function requestLine(req: Request): string {
  return `${req.method} ${req.path} HTTP/1.1`;
}

/** combinedLog is one Apache/nginx "combined" access log line. */
export function combinedLog(req: Request, res: Response, now: number, extraForwardedFor: boolean): string {
  const ua = req.headers['user-agent'] ?? '-';
  const ref = req.headers['referer'] ?? '-';
  const size = req.method === 'HEAD' ? 0 : byteLength(res.body);
  const line = `${req.fromIP} - - [${commonLogTime(now)}] "${requestLine(req)}" ${res.status} ${size} "${ref}" "${ua}"`;
  return extraForwardedFor ? `${line} "${req.headers['x-forwarded-for'] ?? '-'}"` : line;
}

/** textResponse builds a response with Content-Type and Content-Length set. */
export function textResponse(status: number, body: string, contentType = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): Response {
  return { status, headers: { ...extra, 'content-type': contentType, 'content-length': String(byteLength(body)) }, body };
}
