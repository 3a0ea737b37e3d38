/**
 * nslookup: `nslookup NAME [SERVER]`, answered by CoreDNS through the cluster network, in
 * bind's format on nodes and busybox's in busybox/alpine containers (the pre-1.29 format in
 * busybox:1.28 and older; see dns/nslookupFormat.ts).
 * While CoreDNS has no ready, listening pod the query times out (about 15 s for bind's
 * three tries, 10 s for busybox) and prints `;; connection timed out; no servers could be reached`.
 */
import type { Command } from '../../../shell/types.ts';
import { formatLegacyBusyboxNslookup, formatNslookup, NSLOOKUP_TIMEOUT, type NslookupFlavor } from '../dns/nslookupFormat.ts';
import type { ClusterNetwork } from '../network.ts';
import type { NetIdentity } from '../types.ts';

/** nslookupCommand builds `nslookup` for a shell on the given identity. */
export function nslookupCommand(net: ClusterNetwork, from: () => NetIdentity, flavor: NslookupFlavor): Command {
  return async (io) => {
    const args = io.argv.slice(1).filter((a) => !a.startsWith('-'));
    const name = args[0];
    if (!name) {
      io.stderr(flavor === 'busybox' ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n' : '');
      return 1;
    }
    const id = from();
    const server = args[1] ?? net.resolvConf(id).nameserver;
    const r = net.resolve(id, name, args[1]);
    if (flavor === 'busybox-1.28') {
      // libc retries, then gives up on the reverse lookup of the server and on the name.
      if (r === 'timeout') await io.sleep(10_000);
      const ptr = (ip: string): string | undefined => (r === 'timeout' ? undefined : ip === '127.0.0.1' ? 'localhost' : net.reverseName(ip));
      const found = r === 'timeout' ? [] : r.answer.records.filter((rec) => rec.type === 'A');
      const out = formatLegacyBusyboxNslookup(name, { ip: server, name: ptr(server) }, found.map((rec) => ({ ip: rec.value, name: ptr(rec.value) })));
      io.stdout(out.stdout);
      if (out.stderr) io.stderr(out.stderr);
      return out.exitCode;
    }
    if (r === 'timeout') {
      await io.sleep(flavor === 'bind' ? 15_000 : 10_000);
      io.stdout(NSLOOKUP_TIMEOUT + (flavor === 'bind' ? '\n' : ''));
      return 1;
    }
    // A node's stub resolver (systemd-resolved) forwards upstream and knows /etc/hosts.
    const out = formatNslookup(name, server, r, flavor);
    io.stdout(out.stdout);
    return out.exitCode;
  };
}
