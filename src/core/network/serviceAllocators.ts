/**
 * ServiceAllocators are the API server's two service allocators: ClusterIPs from
 * `--service-cluster-ip-range` (10.96.0.0/12) and NodePorts from `--service-node-port-range`
 * (30000-32767). Error texts are upstream's (pkg/registry/core/service/ipallocator and
 * portallocator): they end up inside `Service "x" is invalid: ...` messages.
 */
import type { Random } from '../sim/random.ts';
import { cidrContains, formatIPv4, parseCidr, parseIPv4, type Cidr } from './ipv4.ts';
import { RangeAllocator, rangeOffset } from './rangeAllocator.ts';

/** NODE_PORT_BASE and NODE_PORT_SIZE are the default --service-node-port-range 30000-32767. */
export const NODE_PORT_BASE = 30000;
export const NODE_PORT_SIZE = 2768;

/** Allocation is a value, or the allocator's error message. */
export type Allocation<T> = { ok: true; value: T } | { ok: false; message: string };

/** ClusterIPAllocator allocates service IPs; offset 0 is the first usable address (10.96.0.1). */
export class ClusterIPAllocator {
  readonly cidr: Cidr;
  private readonly range: RangeAllocator;

  constructor(serviceCIDR: string) {
    this.cidr = parseCidr(serviceCIDR);
    // Network and broadcast addresses are never handed out (ipallocator.RangeSize).
    const size = Math.max(0, this.cidr.size - 2);
    this.range = new RangeAllocator(size, rangeOffset(size, 16, 256, 16));
  }

  /** allocate reserves a specific IP, failing as ipallocator.Allocate does. */
  allocate(ip: string, dryRun = false): Allocation<string> {
    const addr = parseIPv4(ip);
    const offset = addr === undefined ? -1 : addr - this.cidr.base - 1;
    if (addr === undefined || !cidrContains(this.cidr, addr) || offset < 0 || offset >= this.range.size) {
      return { ok: false, message: `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr.text}` };
    }
    const r = this.range.allocate(offset, dryRun);
    if (!r.ok) return { ok: false, message: 'provided IP is already allocated' };
    return { ok: true, value: ip };
  }

  /** allocateNext picks a free IP from the dynamic band (random, seeded). */
  allocateNext(random: Random, dryRun = false): Allocation<string> {
    const r = this.range.allocateNext(random, dryRun);
    if (!r.ok) return { ok: false, message: 'range is full' };
    return { ok: true, value: formatIPv4(this.cidr.base + 1 + r.offset) };
  }

  /** release frees an IP; addresses outside the range are ignored. */
  release(ip: string): void {
    const addr = parseIPv4(ip);
    if (addr !== undefined && cidrContains(this.cidr, addr)) this.range.release(addr - this.cidr.base - 1);
  }

  /** isAllocated says whether an IP is held. */
  isAllocated(ip: string): boolean {
    const addr = parseIPv4(ip);
    return addr !== undefined && this.range.has(addr - this.cidr.base - 1);
  }

  save(): string[] {
    return this.range.save().map((o) => formatIPv4(this.cidr.base + 1 + o));
  }

  load(ips: readonly string[]): void {
    this.range.load(ips.map((ip) => (parseIPv4(ip) ?? 0) - this.cidr.base - 1));
  }
}

/** NodePortAllocator allocates node ports of 30000-32767. */
export class NodePortAllocator {
  private readonly range: RangeAllocator;

  constructor(
    readonly base = NODE_PORT_BASE,
    readonly size = NODE_PORT_SIZE,
  ) {
    this.range = new RangeAllocator(size, rangeOffset(size, 16, 128, 32));
  }

  /** rangeText is the range as the error message prints it: 30000-32767. */
  get rangeText(): string {
    return `${this.base}-${this.base + this.size - 1}`;
  }

  /** allocate reserves a specific port, failing as portallocator.Allocate does. */
  allocate(port: number, dryRun = false): Allocation<number> {
    const r = this.range.allocate(port - this.base, dryRun);
    if (r.ok) return { ok: true, value: port };
    if (r.reason === 'range') {
      return { ok: false, message: `provided port is not in the valid range. The range of valid ports is ${this.rangeText}` };
    }
    return { ok: false, message: 'provided port is already allocated' };
  }

  /** allocateNext picks a free port (upper band first, seeded random start). */
  allocateNext(random: Random, dryRun = false): Allocation<number> {
    const r = this.range.allocateNext(random, dryRun);
    if (!r.ok) return { ok: false, message: 'range is full' };
    return { ok: true, value: this.base + r.offset };
  }

  release(port: number): void {
    this.range.release(port - this.base);
  }

  isAllocated(port: number): boolean {
    return this.range.has(port - this.base);
  }

  save(): number[] {
    return this.range.save().map((o) => this.base + o);
  }

  load(ports: readonly number[]): void {
    this.range.load(ports.map((p) => p - this.base));
  }
}
