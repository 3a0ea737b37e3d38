/**
 * nslookup's output in its two common builds:
 *
 * - bind9's nslookup (Ubuntu nodes, Debian-based images with dnsutils):
 *   `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n`;
 *   a miss prints `** server can't find web: NXDOMAIN` with the name as typed.
 * - busybox's nslookup (busybox, alpine): the server address is `10.96.0.10:53`, and because it
 *   queries every search-list name it prints a `** server can't find <name>: NXDOMAIN` block for
 *   each one that missed before the answer.
 *
 * - busybox 1.28 (see formatLegacyBusyboxNslookup).
 *
 * CoreDNS's kubernetes plugin answers authoritatively, so there is no "Non-authoritative answer:".
 * When no DNS server answers both print `;; connection timed out; no servers could be reached`.
 */
import type { Resolution } from './resolver.ts';

/**
 * NslookupFlavor picks the output format. `busybox-1.28` is busybox up to 1.28 (the tag the
 * Kubernetes docs pin for DNS checks), whose nslookup still asked libc (getaddrinfo, then a
 * reverse lookup of each address) and printed `Address 1: IP NAME`; 1.29 rewrote it.
 */
export type NslookupFlavor = 'bind' | 'busybox' | 'busybox-1.28';

/** NSLOOKUP_TIMEOUT is the line both builds print when no server answers. */
export const NSLOOKUP_TIMEOUT = ';; connection timed out; no servers could be reached\n';

function header(server: string, flavor: NslookupFlavor): string {
  const addr = flavor === 'bind' ? `${server}#53` : `${server}:53`;
  return `Server:\t\t${server}\nAddress:\t${addr}\n\n`;
}

function answerBlock(r: Resolution): string {
  let out = '';
  let name = r.name;
  for (const rec of r.answer.records) {
    if (rec.type === 'CNAME') {
      out += `${rec.name}\tcanonical name = ${rec.value}.\n`;
      name = rec.value;
    } else {
      out += `Name:\t${name}\nAddress: ${rec.value}\n`;
    }
  }
  return out + '\n';
}

/** formatNslookup renders one lookup; exit status is 1 when the name was not found. */
export function formatNslookup(typed: string, server: string, r: Resolution, flavor: NslookupFlavor): { stdout: string; exitCode: number } {
  let out = header(server, flavor);
  const found = r.answer.records.length > 0;
  if (flavor === 'busybox') {
    for (const t of r.tried) if (t.answer.records.length === 0 && t.answer.rcode === 'NXDOMAIN') out += `** server can't find ${t.name}: NXDOMAIN\n\n`;
    if (found) out += answerBlock(r);
    return { stdout: out, exitCode: found ? 0 : 1 };
  }
  if (!found) return { stdout: `${out}** server can't find ${typed.replace(/\.$/, '')}: NXDOMAIN\n\n`, exitCode: 1 };
  return { stdout: out + answerBlock(r), exitCode: 0 };
}

/** LegacyAddress is one address getaddrinfo returned, with its PTR name when it has one. */
export interface LegacyAddress {
  ip: string;
  name?: string;
}

/**
 * formatLegacyBusyboxNslookup renders busybox 1.28's nslookup (networking/nslookup.c,
 * print_host with `%-10s %s`): the server, then the name as typed with each address and its
 * reverse name; a name that does not resolve prints `nslookup: can't resolve 'NAME'` on stderr.
 */
export function formatLegacyBusyboxNslookup(
  typed: string,
  server: LegacyAddress,
  addresses: LegacyAddress[],
): { stdout: string; stderr: string; exitCode: number } {
  const line = (a: LegacyAddress, i: number): string => `Address ${i + 1}: ${a.ip}${a.name ? ` ${a.name}` : ''}\n`;
  const stdout = `${'Server:'.padEnd(10)} ${server.ip}\n${line(server, 0)}\n`;
  if (addresses.length === 0) return { stdout, stderr: `nslookup: can't resolve '${typed}'\n`, exitCode: 1 };
  return { stdout: `${stdout}${'Name:'.padEnd(10)} ${typed}\n${addresses.map(line).join('')}`, stderr: '', exitCode: 0 };
}
