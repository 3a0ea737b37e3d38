/**
 * flowcontrol.apiserver.k8s.io/v1 (API Priority and Fairness, GA in v1.29): FlowSchema and
 * PriorityLevelConfiguration. Stored only; the simulated API server does not queue requests.
 */
import { define } from './define.ts';

const common = { group: 'flowcontrol.apiserver.k8s.io', version: 'v1', namespaced: false, subresources: ['status'], hasStatus: true, generation: true };

export const flowschemas = define({ ...common, resource: 'flowschemas', kind: 'FlowSchema' });

export const prioritylevelconfigurations = define({ ...common, resource: 'prioritylevelconfigurations', kind: 'PriorityLevelConfiguration' });
