import { describe, expect, it } from 'vitest';
import { fieldErrorMessage } from '../status.ts';
import type { PodSpec } from '../types.ts';
import { defaultPodSpec } from '../defaults/podSpec.ts';
import { validatePodSpec } from './podSpec.ts';

/** validate a defaulted spec and return the rendered field errors. */
function check(spec: Partial<PodSpec>): string[] {
  const s = JSON.parse(JSON.stringify({ containers: [{ name: 'c', image: 'nginx' }], ...spec })) as PodSpec;
  defaultPodSpec(s);
  return validatePodSpec(s).map(fieldErrorMessage);
}

describe('validatePodSpec', () => {
  it('renders requests above limits in canonical quantity form', () => {
    expect(check({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1500m', memory: '2Gi' }, limits: { cpu: '1000m', memory: '1Gi' } } }] })).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1',
      'spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
    ]);
  });

  it('rejects unknown resource names and negative quantities', () => {
    expect(check({ containers: [{ name: 'c', image: 'nginx', resources: { limits: { gpu: '1' }, requests: { cpu: '-1' } } }] })).toEqual([
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ]);
  });

  it('checks tolerations', () => {
    expect(
      check({
        tolerations: [
          { operator: 'Equal', value: 'x' },
          { key: 'k', operator: 'Exists', value: 'v' },
          { key: 'k', operator: 'Equal', effect: 'NoSchedule', tolerationSeconds: 5 },
        ],
      }),
    ).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      `spec.tolerations[1].operator: Invalid value: core.Toleration{Key:"k", Operator:"Exists", Value:"v", Effect:"", TolerationSeconds:(*int64)(nil)}: value must be empty when \`operator\` is 'Exists'`,
      "spec.tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    ]);
  });

  it('checks node affinity operators and values', () => {
    expect(
      check({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'disktype', operator: 'In' }, { key: 'zone', operator: 'Near', values: ['a'] }] }],
            },
          },
        },
      }),
    ).toEqual([
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].operator: Invalid value: "Near": not a valid selector operator',
    ]);
  });

  it('checks env valueFrom and volumes', () => {
    expect(
      check({
        containers: [
          {
            name: 'c',
            image: 'nginx',
            env: [
              { name: 'A', value: 'x', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'a' } } },
              { name: 'B', valueFrom: { fieldRef: { fieldPath: 'spec.restartPolicy' } } },
            ],
          },
        ],
        volumes: [{ name: 'cfg', configMap: {} as never }, { name: 'Data', emptyDir: {} }],
      }),
    ).toEqual([
      'spec.volumes[0].configMap.name: Required value',
      `spec.volumes[1].name: Invalid value: "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      'spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.restartPolicy": supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ]);
  });

  it('requires a probe handler and rejects two', () => {
    expect(
      check({
        containers: [
          { name: 'c', image: 'nginx', readinessProbe: { periodSeconds: 5 }, livenessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } },
        ],
      }),
    ).toEqual([
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      'spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ]);
  });
});
