/**
 * curl, as curl 8.5 (Ubuntu 24.04 nodes, curlimages/curl) behaves for the requests tutorials
 * make inside a cluster. Exit codes and messages are curl's:
 * 6 `Could not resolve host: foo`, 7 `Failed to connect to 10.244.1.5 port 8080 after 0 ms:
 * Couldn't connect to server`, 22 with -f on HTTP >= 400, 28 on timeouts, 35 for TLS to a
 * plain-HTTP port, 3 for a malformed URL. Errors print unless -s (and -S brings them back).
 * Virtual time passes while curl waits (DNS timeouts, unanswered SYNs), through `io.sleep`.
 * Not modelled: the progress meter, cookies, uploads (-F/-T), HTTP/2.
 */
import type { Command, CommandIO } from '../../../shell/types.ts';
import type { ClusterNetwork } from '../network.ts';
import type { NetIdentity } from '../types.ts';
import { parseCurlArgs, type CurlOptions } from './curlArgs.ts';
import { exchange, headerName, hostHeader, parseURL, statusLine, type HttpOutcome, type ParsedURL } from './httpClient.ts';

/** CURL_VERSION is what `User-Agent` and `curl --version` say. */
export const CURL_VERSION = '8.5.0';

/** SYN_TIMEOUT_MS is how long Linux retries an unanswered SYN (tcp_syn_retries=6) before curl gives up. */
export const SYN_TIMEOUT_MS = 134_000;

/** DNS_TIMEOUT_MS is glibc's resolver giving up (timeout:5, attempts:2). */
export const DNS_TIMEOUT_MS = 10_000;

interface Result {
  code: number;
  message?: string;
  status?: number;
  url?: ParsedURL;
  ip?: string;
  contentType?: string;
  size?: number;
}

function failureMessage(out: HttpOutcome & { ok: false }): Result {
  switch (out.kind) {
    case 'resolve':
      return { code: 6, message: `Could not resolve host: ${out.host}` };
    case 'refused':
      return { code: 7, message: `Failed to connect to ${out.ip} port ${out.port} after ${out.elapsedMs} ms: Couldn't connect to server` };
    case 'timeout':
      return { code: 28, message: `Failed to connect to ${out.ip} port ${out.port} after ${SYN_TIMEOUT_MS} ms: Couldn't connect to server` };
    case 'tls':
      return { code: 35, message: 'OpenSSL/3.0.13: error:0A00010B:SSL routines::wrong version number' };
  }
}

/** writeOut expands -w variables (%{http_code}, %{remote_ip}, ...) and backslash escapes. */
export function writeOut(fmt: string, r: Result): string {
  const vars: Record<string, string> = {
    http_code: String(r.status ?? 0).padStart(3, '0'),
    response_code: String(r.status ?? 0).padStart(3, '0'),
    remote_ip: r.ip ?? '',
    remote_port: r.url ? String(r.url.port) : '',
    content_type: r.contentType ?? '',
    size_download: String(r.size ?? 0),
    url_effective: r.url ? `${r.url.scheme}://${hostHeader(r.url)}${r.url.path}` : '',
    exitcode: String(r.code),
    errormsg: r.message ?? '',
    time_total: '0.001234',
    time_connect: '0.000512',
  };
  return fmt
    .replace(/%\{([a-z_]+)\}/g, (m, v: string) => vars[v] ?? m)
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c);
}

async function fetchOnce(net: ClusterNetwork, from: NetIdentity, o: CurlOptions, raw: string, io: CommandIO): Promise<Result> {
  let url = parseURL(raw);
  if (!url) return { code: 3, message: `URL rejected: Malformed input to a URL function` };
  if ('unsupported' in url) return { code: 1, message: `Protocol "${url.unsupported}" not supported` };
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  for (let hops = 0; ; hops++) {
    const headers: Record<string, string> = { Host: hostHeader(url), 'User-Agent': o.userAgent ?? `curl/${CURL_VERSION}`, Accept: '*/*' };
    if (o.data !== undefined) {
      headers['Content-Length'] = String(o.data.length);
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    for (const [k, v] of o.headers) headers[k] = v;
    if (o.verbose) io.stderr(`*   Trying ${url.host}:${url.port}...\n`);
    const out = await exchange(net, from, { url, method, headers, body: o.data ?? '' });
    if (!out.ok) {
      const limit = o.connectTimeoutMs ?? o.maxTimeMs;
      if (out.kind === 'resolve' && out.timedOut) {
        if (limit !== undefined && limit < DNS_TIMEOUT_MS) {
          await io.sleep(limit);
          return { code: 28, message: `Resolving timed out after ${limit} milliseconds`, url };
        }
        await io.sleep(DNS_TIMEOUT_MS);
      }
      if (out.kind === 'timeout') {
        const wait = limit !== undefined ? Math.min(limit, SYN_TIMEOUT_MS) : SYN_TIMEOUT_MS;
        await io.sleep(wait);
        if (limit !== undefined && limit < SYN_TIMEOUT_MS) return { code: 28, message: `Connection timed out after ${limit + 1} milliseconds`, url };
      }
      if (out.kind === 'refused' && out.elapsedMs > 0) await io.sleep(out.elapsedMs);
      return { ...failureMessage(out), url };
    }
    const res = out.response;
    if (o.verbose) {
      io.stderr(`* Connected to ${url.host} (${out.ip}) port ${url.port}\n`);
      io.stderr(`> ${method} ${url.path} HTTP/1.1\n${Object.entries(headers).map(([k, v]) => `> ${k}: ${v}\n`).join('')}> \n`);
      io.stderr(`< ${statusLine(res.status)}\n${Object.entries(res.headers).map(([k, v]) => `< ${headerName(k)}: ${v}\n`).join('')}< \n`);
    }
    const location = res.headers.location;
    const redirect = o.location && location && [301, 302, 303, 307, 308].includes(res.status);
    if (o.include || o.head) {
      const head = `${statusLine(res.status)}\r\n${Object.entries(res.headers).map(([k, v]) => `${headerName(k)}: ${v}\r\n`).join('')}\r\n`;
      emit(o, io, head);
    }
    if (redirect && hops < 50) {
      const next = parseURL(location.startsWith('/') ? `${url.scheme}://${hostHeader(url)}${location}` : location);
      if (next && !('unsupported' in next)) {
        url = next;
        continue;
      }
    }
    const result: Result = { code: 0, status: res.status, url, ip: out.ip, contentType: res.headers['content-type'], size: res.body.length };
    if (o.fail && res.status >= 400) return { ...result, code: 22, message: `The requested URL returned error: ${res.status}` };
    if (!o.head && method !== 'HEAD') emit(o, io, res.body);
    if (o.verbose) io.stderr(`* Connection #0 to host ${url.host} left intact\n`);
    return result;
  }
}

function emit(o: CurlOptions, io: CommandIO, text: string): void {
  if (o.output && o.output !== '-') {
    const prev = io.fs.exists(o.output, io.cwd) ? io.fs.read(o.output, io.cwd) : '';
    io.fs.write(o.output, prev + text, io.cwd);
  } else io.stdout(text);
}

/** curlCommand builds `curl` for a shell on the given network identity. */
export function curlCommand(net: ClusterNetwork, from: () => NetIdentity): Command {
  return async (io) => {
    const parsed = parseCurlArgs(io.argv.slice(1));
    if (!parsed.ok) {
      io.stderr(parsed.message);
      return parsed.exitCode;
    }
    const o = parsed.options;
    if (o.urls.length === 0) {
      io.stderr("curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    if (o.output && o.output !== '-') {
      try {
        io.fs.write(o.output, '', io.cwd);
      } catch {
        io.stderr(`curl: (23) Failure writing output to destination\n`);
        return 23;
      }
    }
    let code = 0;
    for (const raw of o.urls) {
      const r = await fetchOnce(net, from(), o, raw, io);
      if (r.message && (!o.silent || o.showError)) io.stderr(`curl: (${r.code}) ${r.message}\n`);
      if (o.writeOut !== undefined) io.stdout(writeOut(o.writeOut, r));
      code = r.code;
    }
    return code;
  };
}
