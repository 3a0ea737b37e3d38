/**
 * nodes: cluster-scoped Node (pkg/registry/core/node). Kubelets register and report
 * status; people cordon (spec.unschedulable) and taint.
 */
import type { Node } from '../../api/types.ts';
import { define } from './define.ts';

export const nodes = define({
  group: '',
  version: 'v1',
  resource: 'nodes',
  kind: 'Node',
  namespaced: false,
  shortNames: ['no'],
  subresources: ['proxy', 'status'],
  hasStatus: true,
  fieldLabels: (o) => ({ 'spec.unschedulable': String((o as Node).spec?.unschedulable ?? false) }),
});
