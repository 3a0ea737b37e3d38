/**
 * The HTTP client shared by curl and wget: parse a URL, resolve its host as the caller's
 * resolver would, connect through the cluster network and exchange one request.
 * Failures are data (`HttpFailure`) that each command renders in its own words.
 */
import type { ClusterNetwork } from '../network.ts';
import { isIPv4 } from '../ipv4.ts';
import type { NetIdentity, NetResponse } from '../types.ts';

/** ParsedURL is a URL split the way curl does it (no scheme ⇒ http). */
export interface ParsedURL {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** explicitPort is true when the URL named the port (it then appears in the Host header). */
  explicitPort: boolean;
  path: string;
}

/** parseURL splits `[scheme://]host[:port][/path]`; undefined for unsupported schemes or junk. */
export function parseURL(raw: string): ParsedURL | { unsupported: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?#].*)?$/.exec(raw);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { unsupported: scheme };
  const path = m[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`).replace(/#.*$/, '') : '/';
  return {
    scheme,
    host: m[2].toLowerCase(),
    port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80,
    explicitPort: !!m[3],
    path,
  };
}

/** HttpFailure is why no response came back. */
export type HttpFailure =
  | { kind: 'resolve'; host: string; timedOut: boolean }
  | { kind: 'refused'; ip: string; port: number; elapsedMs: number }
  | { kind: 'timeout'; ip: string; port: number }
  | { kind: 'tls'; ip: string; port: number };

/** HttpExchange is a successful request/response with where it went. */
export interface HttpExchange {
  ok: true;
  ip: string;
  port: number;
  response: NetResponse;
}

/** HttpOutcome is an exchange or a failure. */
export type HttpOutcome = HttpExchange | ({ ok: false } & HttpFailure);

/** HttpCall describes one request. */
export interface HttpCall {
  url: ParsedURL;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** resolveHost turns a URL host into an address (IP literals pass through). */
export function resolveHost(net: ClusterNetwork, from: NetIdentity, host: string): { ok: true; ip: string } | { ok: false; timedOut: boolean } {
  if (isIPv4(host)) return { ok: true, ip: host };
  const r = net.resolve(from, host);
  if (r === 'timeout') return { ok: false, timedOut: true };
  const a = r.answer.records.find((rec) => rec.type === 'A');
  return a ? { ok: true, ip: a.value } : { ok: false, timedOut: false };
}

/** exchange performs one HTTP request from `from`. */
export async function exchange(net: ClusterNetwork, from: NetIdentity, call: HttpCall): Promise<HttpOutcome> {
  const host = resolveHost(net, from, call.url.host);
  if (!host.ok) return { ok: false, kind: 'resolve', host: call.url.host, timedOut: host.timedOut };
  const conn = net.connect(from, host.ip, call.url.port, 'TCP');
  if (!conn.ok) {
    if (conn.error === 'refused') return { ok: false, kind: 'refused', ip: host.ip, port: call.url.port, elapsedMs: conn.elapsedMs };
    return { ok: false, kind: 'timeout', ip: host.ip, port: call.url.port };
  }
  // Our containers speak plain HTTP only; a TLS ClientHello to them fails the handshake.
  if (call.url.scheme === 'https') return { ok: false, kind: 'tls', ip: host.ip, port: call.url.port };
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(call.headers)) headers[k.toLowerCase()] = v;
  const response = await conn.endpoint.request(conn.port, {
    method: call.method,
    path: call.url.path,
    headers,
    body: call.body,
    fromIP: conn.sourceIP,
    fromPort: 40000 + (call.url.port % 20000),
  });
  if (!response) return { ok: false, kind: 'refused', ip: host.ip, port: call.url.port, elapsedMs: 0 };
  return { ok: true, ip: host.ip, port: call.url.port, response };
}

/** REASON_PHRASES are the status texts servers send on the status line. */
export const REASON_PHRASES: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 408: 'Request Timeout', 413: 'Request Entity Too Large',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** headerName prints a lower-cased header name in canonical case (content-type → Content-Type). */
export function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

/** statusLine is `HTTP/1.1 200 OK`. */
export function statusLine(status: number): string {
  const reason = REASON_PHRASES[status];
  return reason ? `HTTP/1.1 ${status} ${reason}` : `HTTP/1.1 ${status}`;
}

/** hostHeader is the Host header curl and wget send (port only when not the default). */
export function hostHeader(url: ParsedURL): string {
  return url.explicitPort && url.port !== (url.scheme === 'https' ? 443 : 80) ? `${url.host}:${url.port}` : url.host;
}
