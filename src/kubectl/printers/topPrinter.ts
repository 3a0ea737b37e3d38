/**
 * What `kubectl top node|pod` prints (staging/src/k8s.io/kubectl/pkg/metricsutil/
 * metrics_printer.go and metrics_sorter.go, v1.32: no swap columns). Every cell is
 * tab-terminated, so the last column is padded too and rows end in spaces, as upstream.
 * CPU is `MilliValue()` + "m", memory `Value() / 2^20` + "Mi"; percentages truncate.
 */
import { Quantity } from '../../core/api/quantity.ts';
import { TabWriter } from './tabwriter.ts';

/** ResourceUsage is a `usage` map of the Metrics API (cpu and memory quantities). */
export type ResourceUsage = Readonly<Record<string, string | undefined>>;

/** NodeMetricsItem is the part of a NodeMetrics the printer reads. */
export interface NodeMetricsItem {
  metadata: { name?: string };
  usage?: ResourceUsage;
}

/** PodMetricsItem is the part of a PodMetrics the printer reads. */
export interface PodMetricsItem {
  metadata: { name?: string; namespace?: string };
  containers?: { name: string; usage?: ResourceUsage }[];
}

/** TopSortBy is `--sort-by`: '' (by name), 'cpu' or 'memory' (both largest first). */
export type TopSortBy = '' | 'cpu' | 'memory';

const NODE_COLUMNS = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
const POD_COLUMNS = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];

function quantity(v: string | undefined): Quantity {
  return Quantity.parse(v ?? '0');
}

function cpuMilli(u: ResourceUsage | undefined): number {
  return quantity(u?.cpu).milliValue();
}

function memoryBytes(u: ResourceUsage | undefined): number {
  return quantity(u?.memory).value();
}

function cells(values: string[]): string {
  return values.map((v) => `${v}\t`).join('');
}

/** usageCells are one resource's cells: the value, and the percentage of what is available when known. */
function usageCells(milliOrBytes: number, kind: 'cpu' | 'memory', available: string | undefined): string[] {
  const shown = kind === 'cpu' ? `${milliOrBytes}m` : `${Math.trunc(milliOrBytes / (1024 * 1024))}Mi`;
  if (available === undefined) return [shown];
  const avail = quantity(available);
  const used = kind === 'cpu' ? milliOrBytes : milliOrBytes * 1000;
  const fraction = avail.isZero() ? 0 : (used / avail.milliValue()) * 100;
  return [shown, `${Math.trunc(fraction)}%`];
}

/**
 * printNodeMetrics renders `kubectl top node`: metrics sorted, then a line of `<unknown>` for
 * every listed node that has no metrics. `available` is each node's allocatable (or capacity).
 */
export function printNodeMetrics(
  metrics: readonly NodeMetricsItem[],
  available: ReadonlyMap<string, ResourceUsage>,
  opts: { noHeaders: boolean; sortBy: TopSortBy },
): string {
  if (metrics.length === 0) return '';
  const w = new TabWriter();
  const sorted = [...metrics].sort((a, b) => {
    if (opts.sortBy === 'cpu') return cpuMilli(b.usage) - cpuMilli(a.usage);
    if (opts.sortBy === 'memory') return memoryBytes(b.usage) - memoryBytes(a.usage);
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  if (!opts.noHeaders) w.write(`${cells(NODE_COLUMNS)}\n`);
  const missing = new Map(available);
  for (const m of sorted) {
    const name = m.metadata.name ?? '';
    const avail = available.get(name) ?? {};
    w.write(`${cells([name, ...usageCells(cpuMilli(m.usage), 'cpu', avail.cpu), ...usageCells(memoryBytes(m.usage), 'memory', avail.memory)])}\n`);
    missing.delete(name);
  }
  // NOTE: upstream ranges over a Go map here, so the order of these lines is random; ours is the node order.
  for (const name of missing.keys()) w.write(`${cells([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>'])}\n`);
  return w.flush();
}

/** podTotal adds a resource over a pod's containers as quantities (rounding once, as getPodMetrics does). */
function podTotal(m: PodMetricsItem, resource: 'cpu' | 'memory'): Quantity {
  return (m.containers ?? []).reduce((s, c) => s.add(quantity(c.usage?.[resource])), quantity('0'));
}

function podCpu(m: PodMetricsItem): number {
  return podTotal(m, 'cpu').milliValue();
}

function podMemory(m: PodMetricsItem): number {
  return podTotal(m, 'memory').value();
}

/** TopPodOptions are the flags that shape `kubectl top pod` output. */
export interface TopPodOptions {
  containers: boolean;
  withNamespace: boolean;
  noHeaders: boolean;
  sortBy: TopSortBy;
  sum: boolean;
}

/** printPodMetrics renders `kubectl top pod` (with `--containers`, `-A`, `--sum`). */
export function printPodMetrics(metrics: readonly PodMetricsItem[], opts: TopPodOptions): string {
  if (metrics.length === 0) return '';
  const w = new TabWriter();
  let columnWidth = POD_COLUMNS.length;
  if (!opts.noHeaders) {
    const head: string[] = [];
    if (opts.withNamespace) head.push('NAMESPACE');
    if (opts.containers) head.push('POD');
    w.write(`${cells([...head, ...POD_COLUMNS])}\n`);
  }
  if (opts.withNamespace) columnWidth++;
  if (opts.containers) columnWidth++;
  const sorted = [...metrics].sort((a, b) => {
    if (opts.sortBy === 'cpu') return podCpu(b) - podCpu(a);
    if (opts.sortBy === 'memory') return podMemory(b) - podMemory(a);
    const an = a.metadata.namespace ?? '';
    const bn = b.metadata.namespace ?? '';
    if (opts.withNamespace && an !== bn) return an < bn ? -1 : 1;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  for (const m of sorted) {
    const ns = opts.withNamespace ? [m.metadata.namespace ?? ''] : [];
    if (opts.containers) {
      const containers = [...(m.containers ?? [])].sort((a, b) => {
        if (opts.sortBy === 'cpu') return cpuMilli(b.usage) - cpuMilli(a.usage);
        if (opts.sortBy === 'memory') return memoryBytes(b.usage) - memoryBytes(a.usage);
        return a.name < b.name ? -1 : 1;
      });
      for (const c of containers) {
        w.write(`${cells([...ns, m.metadata.name ?? '', c.name, ...usageCells(cpuMilli(c.usage), 'cpu', undefined), ...usageCells(memoryBytes(c.usage), 'memory', undefined)])}\n`);
      }
    } else {
      w.write(`${cells([...ns, m.metadata.name ?? '', ...usageCells(podCpu(m), 'cpu', undefined), ...usageCells(podMemory(m), 'memory', undefined)])}\n`);
    }
  }
  if (opts.sum) {
    const cpu = sorted.reduce((s, m) => s.add(podTotal(m, 'cpu')), quantity('0')).milliValue();
    const mem = sorted.reduce((s, m) => s.add(podTotal(m, 'memory')), quantity('0')).value();
    w.write(`${cells([...Array<string>(Math.max(0, columnWidth - 2)).fill(''), '________', '________'])}\n`);
    w.write(`${cells([...Array<string>(Math.max(0, columnWidth - 3)).fill(''), '', `${cpu}m`, `${Math.trunc(mem / (1024 * 1024))}Mi`])}\n`);
  }
  return w.flush();
}
