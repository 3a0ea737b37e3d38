/**
 * podUsages walks a kubelet's running containers for the resource metrics endpoint, grouped by
 * pod, for metrics-server's scrape (every 15 s, every container of the cluster).
 *
 * An idle container reports the same usage scrape after scrape, so a pod whose containers all
 * report what they did last time gets back the same list of the same ContainerUsage objects:
 * nothing is allocated for it and no "namespace/name" key is built (the record's key is that
 * string). Scrapes share those objects; nobody changes them.
 */
import type { ContainerUsage } from './kubelet.ts';
import type { PodRecord } from './podState.ts';

/** podUsages calls fn with each pod's key and its running containers' usage, in record and container order. */
export function podUsages(records: Iterable<PodRecord>, fn: (podKey: string, usage: readonly ContainerUsage[]) => void): void {
  for (const rec of records) {
    const list = unchanged(rec) ? rec.usage : build(rec);
    rec.usage = list;
    if (list) fn(rec.key, list);
  }
}

/** unchanged says whether the pod's running containers report exactly what rec.usage holds. */
function unchanged(rec: PodRecord): boolean {
  const last = rec.usage;
  if (!last) return false;
  let n = 0;
  for (const c of rec.containers) {
    const process = c.process;
    if (!process?.running) continue;
    const was = last[n++];
    if (!was || was.container !== c.name || was.startedAt !== process.startedAt) return false;
    const use = process.usage();
    if (was.cpuMilli !== use.cpuMilli || was.memoryBytes !== use.memoryBytes) return false;
  }
  return n === last.length;
}

/** build lists the pod's running containers' usage afresh (undefined when none runs). */
function build(rec: PodRecord): ContainerUsage[] | undefined {
  let out: ContainerUsage[] | undefined;
  for (const c of rec.containers) {
    const process = c.process;
    if (!process?.running) continue;
    // Fields copied by name rather than spread: metrics-server scrapes every container every 15 s.
    const use = process.usage();
    (out ??= []).push({ namespace: rec.namespace, pod: rec.name, container: c.name, startedAt: process.startedAt, cpuMilli: use.cpuMilli, memoryBytes: use.memoryBytes });
  }
  return out;
}
