/**
 * IPv4 arithmetic for the allocators and the router: addresses as unsigned 32-bit numbers,
 * CIDRs as {base, prefix}. The cluster is single-stack IPv4 (kubeadm's default), so no IPv6.
 */

/** Cidr is a parsed IPv4 CIDR such as 10.96.0.0/12. */
export interface Cidr {
  /** base is the network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
  /** size is the number of addresses, network and broadcast included. */
  size: number;
  /** text is the CIDR as written. */
  text: string;
}

/** parseIPv4 returns the address as a number, or undefined when `text` is not a dotted quad. */
export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** formatIPv4 renders a 32-bit number as a dotted quad. */
export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** parseCidr parses `a.b.c.d/n`; it throws on malformed input (cluster options are trusted). */
export function parseCidr(text: string): Cidr {
  const [ip, bits] = text.split('/');
  const addr = parseIPv4(ip ?? '');
  const prefix = Number(bits);
  if (addr === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`invalid CIDR address: ${text}`);
  const size = 2 ** (32 - prefix);
  const base = prefix === 0 ? 0 : (addr & ~(size - 1)) >>> 0;
  return { base, prefix, size, text };
}

/** cidrContains says whether the address lies inside the CIDR. */
export function cidrContains(cidr: Cidr, addr: number): boolean {
  return addr >= cidr.base && addr < cidr.base + cidr.size;
}

/** isIPv4 says whether text is a dotted-quad IPv4 address. */
export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

/** dashedIP is the pod DNS label of an address: 10.244.1.5 → 10-244-1-5. */
export function dashedIP(ip: string): string {
  return ip.replace(/\./g, '-');
}
