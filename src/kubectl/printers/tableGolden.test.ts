/**
 * Table goldens from the real kubectl v1.32: testdata/tables/update.sh runs kubectl get
 * against server.mjs, which serves the *.table.json Tables; we render the same Tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../core/api/table.ts';
import { printTableGroups, type TableGroup, type TablePrintOptions } from './table.ts';

const dir = join(import.meta.dirname, 'testdata', 'tables');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const table = (name: string, namespace?: string): Table => {
  const t = JSON.parse(read(`${name}.table.json`)) as Table;
  if (namespace) t.rows = t.rows.filter((r) => r.object?.metadata.namespace === namespace);
  return t;
};
const pods = () => table('pods', 'default');
const svc = () => table('services', 'default');
const deploy = () => table('deployments', 'default');

const cases: [string, TableGroup[], TablePrintOptions][] = [
  ['get-pods', [{ tables: [pods()] }], {}],
  ['get-pods-wide', [{ tables: [pods()] }], { wide: true }],
  ['get-pods-A', [{ tables: [table('pods')] }], { withNamespace: true }],
  ['get-pods-show-labels', [{ tables: [pods()] }], { showLabels: true }],
  ['get-pods-L', [{ tables: [pods()] }], { columnLabels: ['app', 'app.kubernetes.io/name'] }],
  ['get-pods-no-headers', [{ tables: [pods()] }], { noHeaders: true }],
  ['get-pods-svc', [{ tables: [pods()], kind: 'pod' }, { tables: [svc()], kind: 'service' }], {}],
  ['get-deploy-svc-wide', [{ tables: [deploy()], kind: 'deployment.apps' }, { tables: [svc()], kind: 'service' }], { wide: true }],
  ['get-pods-svc-no-headers', [{ tables: [pods()], kind: 'pod' }, { tables: [svc()], kind: 'service' }], { noHeaders: true }],
  ['get-svc-show-kind', [{ tables: [svc()], kind: 'service' }], {}],
];

describe('kubectl get tables (goldens)', () => {
  it.each(cases)('%s', (name, groups, options) => {
    expect(printTableGroups(groups, options)).toBe(read(`${name}.golden`));
  });
});
