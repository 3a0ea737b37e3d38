/**
 * kubectl events (staging/src/k8s.io/kubectl/pkg/cmd/events/events.go, event_printer.go).
 *
 * Lists core/v1 Events oldest first (series last-observed time, else lastTimestamp, else
 * eventTime) as LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (NAMESPACE first with -A);
 * `--for=TYPE/NAME` narrows to one object, `--types=Warning` to some types, `-w` keeps
 * printing new events until the request timeout or Ctrl-C.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../core/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { eventAge } from '../describe/events.ts';
import { parseTime } from '../describe/format.ts';
import { CommandError } from '../errors.ts';
import { parseGoDuration } from '../flags.ts';
import { checkOutputFormat, isTableFormat, printObjects } from '../output.ts';
import { TabWriter } from '../printers/tabwriter.ts';

export const events: KubectlCommand = {
  name: 'events',
  short: 'List events',
  run: runEvents,
};

const EVENTS = { group: '', resource: 'events' };

async function runEvents(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  const output = flags.string('output');
  checkOutputFormat(output);
  const allNamespaces = flags.bool('all-namespaces');
  const types = flags.strings('types');
  for (const t of types) {
    if (!['normal', 'warning'].includes(t.toLowerCase())) throw new CommandError('error: valid --types are Normal or Warning');
  }
  const forValue = flags.strings('for').filter((v) => v !== "''").pop() ?? '';
  let fieldSelector = '';
  if (forValue !== '') {
    const slash = forValue.indexOf('/');
    if (slash <= 0 || slash === forValue.length - 1) throw new CommandError('error: --for must be in resource/name form');
    const def = inv.mapper.resolve(forValue.slice(0, slash));
    fieldSelector = `involvedObject.kind=${def.kind},involvedObject.name=${forValue.slice(slash + 1)}`;
  }
  const namespace = allNamespaces ? undefined : inv.namespace;
  const keep = (e: Event) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase());
  const list = ctx.client.list(EVENTS, namespace, { fieldSelector });
  const items = (list.items as unknown as Event[]).filter(keep).sort((a, b) => eventTime(a) - eventTime(b));
  const watch = flags.bool('watch');

  if (!isTableFormat(output)) {
    const objs = items.map((e) => ({ apiVersion: 'v1', kind: 'Event', ...e }) as unknown as KubeObject);
    // events.go prints the EventList it listed (filtered and sorted), not a generic List.
    const eventList = { apiVersion: 'v1', kind: 'EventList', items: items as unknown[], metadata: { resourceVersion: list.metadata.resourceVersion } };
    if (!watch) ctx.stdout(printObjects(output, [eventList as unknown as KubeObject], false));
    else for (const o of objs) ctx.stdout(printObjects(output, [o], false));
  } else if (items.length === 0 && !watch) {
    ctx.stderr(allNamespaces ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
    return 0;
  }

  const tw = new TabWriter();
  const noHeaders = flags.bool('no-headers');
  if (isTableFormat(output)) {
    if (!noHeaders) tw.write(`${allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
    for (const e of items) tw.write(row(e, allNamespaces, ctx.now()));
    ctx.stdout(tw.flush().replace(/^$/, ''));
  }
  if (!watch) return 0;

  const handle = ctx.client.watch(EVENTS, namespace, { fieldSelector, resourceVersion: list.metadata.resourceVersion }, (ev) => {
    if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED') return;
    const e = ev.object as unknown as Event;
    if (!keep(e)) return;
    if (isTableFormat(output)) {
      tw.write(row(e, allNamespaces, ctx.now()));
      ctx.stdout(tw.flush());
    } else {
      ctx.stdout(printObjects(output, [{ apiVersion: 'v1', kind: 'Event', ...ev.object }], false));
    }
  });
  try {
    const timeout = parseGoDuration(flags.string('request-timeout') || '0') || Number.POSITIVE_INFINITY;
    await ctx.waitFor(() => ctx.signal.aborted, timeout, ctx.signal);
  } finally {
    handle.stop();
  }
  return 0;
}

/** row is printOneEvent. */
function row(e: Event, allNamespaces: boolean, now: number): string {
  const ns = allNamespaces ? `${e.metadata?.namespace ?? ''}\t` : '';
  const obj = `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`;
  return `${ns}${eventAge(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${obj}\t${(e.message ?? '').trim()}\n`;
}

/** eventTime is SortableEvents' key: series last-observed, else lastTimestamp, else eventTime. */
function eventTime(e: Event): number {
  const t = e.series?.lastObservedTime ?? (e.lastTimestamp || e.eventTime);
  return parseTime(t as string | undefined) ?? 0;
}
