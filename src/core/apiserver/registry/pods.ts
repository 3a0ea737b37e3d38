/**
 * pods: the Pod resource (pkg/registry/core/pod/strategy.go).
 *
 * New pods start Pending with their QoS class; deletion is graceful once a pod is bound
 * to a node (the kubelet finishes it), immediate when it never ran or already finished.
 */
import { preparePodForCreate } from '../../api/defaults/index.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { define } from './define.ts';

export const pods = define({
  group: '',
  version: 'v1',
  resource: 'pods',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  subresources: ['attach', 'binding', 'ephemeralcontainers', 'eviction', 'exec', 'log', 'portforward', 'proxy', 'resize', 'status'],
  hasStatus: true,
  prepareForCreate: (obj) => preparePodForCreate(obj as Pod),
  // SetDefaults_Pod and SetDefaults_PodSpec default only the spec, which a status write
  // does not keep (defaultPod gave every kubelet status write an empty spec to default).
  statusDefaulter: () => {},
  fieldLabels: (obj) => {
    const pod = obj as Pod;
    return {
      'spec.nodeName': pod.spec?.nodeName ?? '',
      'spec.restartPolicy': pod.spec?.restartPolicy ?? '',
      'spec.schedulerName': pod.spec?.schedulerName ?? '',
      'spec.serviceAccountName': pod.spec?.serviceAccountName ?? '',
      'spec.hostNetwork': String(pod.spec?.hostNetwork ?? false),
      'status.phase': pod.status?.phase ?? '',
      'status.podIP': pod.status?.podIP ?? '',
      'status.podIPs': pod.status?.podIP ?? '',
      'status.nominatedNodeName': pod.status?.nominatedNodeName ?? '',
    };
  },
  gracefulDeleteSeconds: (obj: KubeObject, requested: number | undefined) => {
    const pod = obj as Pod;
    if (!pod.spec?.nodeName) return 0;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    return requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  },
});
