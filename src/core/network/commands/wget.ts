/**
 * wget as busybox builds it (busybox, alpine images; the node uses the same simplification):
 * `wget -qO- URL` prints the body; `-O file` saves; `-T secs` bounds the wait; `-S` prints
 * the response headers; `--spider` only checks (`remote file exists`). Messages are busybox's: `wget: bad address 'foo'`,
 * `wget: can't connect to remote host (10.96.1.2): Connection refused`,
 * `wget: server returned error: HTTP/1.1 404 Not Found`, `wget: download timed out`.
 */
import type { Command } from '../../../shell/types.ts';
import type { ClusterNetwork } from '../network.ts';
import type { NetIdentity } from '../types.ts';
import { DNS_TIMEOUT_MS, SYN_TIMEOUT_MS } from './curl.ts';
import { exchange, headerName, hostHeader, parseURL, statusLine } from './httpClient.ts';

/** wgetCommand builds `wget` for a shell on the given network identity. */
export function wgetCommand(net: ClusterNetwork, from: () => NetIdentity): Command {
  return async (io) => {
    let quiet = false;
    let output: string | undefined;
    let timeoutMs: number | undefined;
    let serverResponse = false;
    let spider = false;
    const headers: Record<string, string> = {};
    let postData: string | undefined;
    const urls: string[] = [];
    const args = io.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-O' || a === '--output-document') output = args[++i];
      else if (a.startsWith('-O') && a.length > 2 && !a.startsWith('-O-') ) output = a.slice(2);
      else if (a === '-T' || a === '--timeout') timeoutMs = Number(args[++i]) * 1000;
      else if (a.startsWith('--timeout=')) timeoutMs = Number(a.slice(10)) * 1000;
      else if (a === '--header') {
        const h = args[++i] ?? '';
        const c = h.indexOf(':');
        if (c > 0) headers[h.slice(0, c).trim()] = h.slice(c + 1).trim();
      } else if (a.startsWith('--post-data=')) postData = a.slice(12);
      else if (a === '--spider') spider = true;
      else if (a === '--no-check-certificate') continue;
      else if (/^-[qOS]+-?$/.test(a)) {
        if (a.includes('q')) quiet = true;
        if (a.includes('S')) serverResponse = true;
        if (a.includes('O')) output = a.endsWith('-') ? '-' : args[++i];
      } else if (a.startsWith('-') && a !== '-') {
        io.stderr(`wget: unrecognized option '${a}'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`);
        return 1;
      } else urls.push(a);
    }
    if (urls.length === 0) {
      io.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
      return 1;
    }
    for (const raw of urls) {
      const url = parseURL(raw);
      if (!url || 'unsupported' in url) {
        io.stderr(`wget: not an http or ftp url: ${raw}\n`);
        return 1;
      }
      const out = await exchange(net, from(), {
        url,
        method: postData !== undefined ? 'POST' : 'GET',
        headers: { Host: hostHeader(url), 'User-Agent': 'Wget', Connection: 'close', ...headers },
        body: postData ?? '',
      });
      if (!out.ok) {
        if (out.kind === 'resolve') {
          if (out.timedOut) await io.sleep(Math.min(timeoutMs ?? DNS_TIMEOUT_MS, DNS_TIMEOUT_MS));
          io.stderr(`wget: bad address '${url.host}'\n`);
        } else if (out.kind === 'refused') {
          if (!quiet) io.stderr(`Connecting to ${url.host}${url.host === out.ip ? '' : ` (${out.ip}:${out.port})`}\n`);
          io.stderr(`wget: can't connect to remote host (${out.ip}): Connection refused\n`);
        } else if (out.kind === 'timeout') {
          if (!quiet) io.stderr(`Connecting to ${url.host} (${out.ip}:${out.port})\n`);
          await io.sleep(timeoutMs ?? SYN_TIMEOUT_MS);
          io.stderr(timeoutMs !== undefined ? 'wget: download timed out\n' : `wget: can't connect to remote host (${out.ip}): Connection timed out\n`);
        } else {
          io.stderr('wget: error getting response: Connection reset by peer\n');
        }
        return 1;
      }
      const res = out.response;
      if (!quiet) io.stderr(`Connecting to ${url.host}${url.host === out.ip ? '' : ` (${out.ip}:${out.port})`}\n`);
      if (serverResponse) {
        io.stderr(`  ${statusLine(res.status)}\n${Object.entries(res.headers).map(([k, v]) => `  ${headerName(k)}: ${v}\n`).join('')}`);
      }
      if (res.status >= 400) {
        io.stderr(`wget: server returned error: ${statusLine(res.status)}\n`);
        return 1;
      }
      // --spider (the NetworkPolicy tutorial's check) only asks: nothing is saved.
      if (spider) {
        if (!quiet) io.stderr('remote file exists\n');
        continue;
      }
      const file = output ?? (url.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
      if (file === '-') {
        if (!quiet) io.stderr('writing to stdout\n');
        io.stdout(res.body);
        if (!quiet) io.stderr(`-                    100% |********************************| ${String(res.body.length).padStart(5)}  0:00:00 ETA\nwritten to stdout\n`);
      } else {
        if (output === undefined && io.fs.exists(file, io.cwd)) {
          io.stderr(`wget: can't open '${file}': File exists\n`);
          return 1;
        }
        if (!quiet) io.stderr(`saving to '${file}'\n`);
        io.fs.write(file, res.body, io.cwd);
        if (!quiet) io.stderr(`${file.padEnd(20)} 100% |********************************| ${String(res.body.length).padStart(5)}  0:00:00 ETA\n'${file}' saved\n`);
      }
    }
    return 0;
  };
}
