import { describe, expect, it } from 'vitest';
import type { Table } from '../../core/api/table.ts';
import { printTable, printTableGroups } from './table.ts';
import { TabWriter } from './tabwriter.ts';

const col = (name: string, priority = 0, format = '') => ({ name, type: 'string', format, description: '', priority });
const meta = (name: string, namespace: string, labels?: Record<string, string>) => ({
  kind: 'PartialObjectMetadata',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { name, namespace, labels },
});

const pods: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [col('Name', 0, 'name'), col('Ready'), col('Status'), col('Restarts'), col('Age'), col('IP', 1), col('Node', 1), col('Nominated Node', 1), col('Readiness Gates', 1)],
  rows: [
    { cells: ['nginx', '1/1', 'Running', '0', '10s', '10.244.1.2', 'node01', '<none>', '<none>'], object: meta('nginx', 'default', { run: 'nginx' }) },
    { cells: ['web-5d4f8-abcde', '0/1', 'CrashLoopBackOff', '3 (5m ago)', '7m', '<none>', 'node02', '<none>', '<none>'], object: meta('web-5d4f8-abcde', 'default', { app: 'web', 'pod-template-hash': '5d4f8' }) },
  ],
} as Table;

const services: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [col('Name', 0, 'name'), col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), col('Age'), col('Selector', 1)],
  rows: [{ cells: ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '10d', '<none>'], object: meta('kubernetes', 'default') }],
} as Table;

describe('printTable', () => {
  it('aligns columns with three spaces and a minimum width of six', () => {
    expect(printTable(pods)).toBe(
      'NAME              READY   STATUS             RESTARTS     AGE\n' +
        'nginx             1/1     Running            0            10s\n' +
        'web-5d4f8-abcde   0/1     CrashLoopBackOff   3 (5m ago)   7m\n',
    );
  });
  it('shows priority columns with -o wide and hides headers with --no-headers', () => {
    expect(printTable(services, { wide: true })).toBe(
      'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE   SELECTOR\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10d   <none>\n',
    );
    expect(printTable(services, { noHeaders: true })).toBe('kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   10d\n');
  });
  it('adds NAMESPACE first, -L columns and LABELS last', () => {
    expect(printTable(pods, { withNamespace: true, columnLabels: ['app'], showLabels: true })).toBe(
      'NAMESPACE   NAME              READY   STATUS             RESTARTS     AGE   APP   LABELS\n' +
        'default     nginx             1/1     Running            0            10s         run=nginx\n' +
        'default     web-5d4f8-abcde   0/1     CrashLoopBackOff   3 (5m ago)   7m    web   app=web,pod-template-hash=5d4f8\n',
    );
  });
  it('prints nothing for an empty table', () => {
    expect(printTable({ ...services, rows: [] })).toBe('');
  });
});

describe('printTableGroups', () => {
  it('prefixes names with the kind and separates types with a blank line', () => {
    expect(printTableGroups([{ tables: [pods], kind: 'pod' }, { tables: [services], kind: 'service' }], {})).toBe(
      'NAME                  READY   STATUS             RESTARTS     AGE\n' +
        'pod/nginx             1/1     Running            0            10s\n' +
        'pod/web-5d4f8-abcde   0/1     CrashLoopBackOff   3 (5m ago)   7m\n' +
        '\n' +
        'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n' +
        'service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10d\n',
    );
  });
  it('does not separate groups without headers', () => {
    expect(printTableGroups([{ tables: [services] }, { tables: [services] }], { noHeaders: true })).toBe(
      'kubernetes   ClusterIP   10.96.0.1   <none>   443/TCP   10d\n'.repeat(2),
    );
  });
});

describe('TabWriter', () => {
  it('remembers column widths across blocks (kubectl tabwriter RememberWidths)', () => {
    const w = new TabWriter();
    w.write('a\tb\tc\nlonger\tx\n\nz\ty\n');
    expect(w.flush()).toBe('a        b     c\nlonger   x\n\nz        y\n');
  });
});
