import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './strategicMergePatch.ts';
import { createThreeWayMergePatch, createTwoWayMergePatch } from './threeWayMergePatch.ts';

function deployment(spec: Record<string, unknown>, replicas = 1) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api' },
    spec: { replicas, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec } },
  };
}

describe('createThreeWayMergePatch', () => {
  it('produces the patch kubectl v1.32 sent for a changed replica count and image (kubectl-wire §2.4)', () => {
    const original = deployment({ containers: [{ name: 'api', image: 'nginx:1.24' }] });
    const modified = deployment({ containers: [{ name: 'api', image: 'nginx:1.25' }] }, 2);
    const current = deployment(
      { containers: [{ name: 'api', image: 'nginx:1.24', imagePullPolicy: 'IfNotPresent' }], restartPolicy: 'Always' },
    );
    const patch = createThreeWayMergePatch(original, modified, current, 'Deployment');
    expect(JSON.stringify(patch)).toBe(
      '{"spec":{"replicas":2,"template":{"spec":{"$setElementOrder/containers":[{"name":"api"}],"containers":[{"image":"nginx:1.25","name":"api"}]}}}}',
    );
  });

  it('produces the observed removal patch with $setElementOrder and $patch: delete', () => {
    const original = deployment({
      containers: [
        { name: 'a', image: 'nginx:1', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }], ports: [{ containerPort: 80 }, { containerPort: 443 }] },
        { name: 'b', image: 'busybox' },
      ],
      tolerations: [{ key: 'k', operator: 'Exists' }],
    });
    const modified = deployment({
      containers: [{ name: 'a', image: 'nginx:2', env: [{ name: 'Y', value: '2' }], ports: [{ containerPort: 80 }] }],
    });
    const current = structuredClone(original);
    (current.spec.template.spec as Record<string, unknown>).dnsPolicy = 'ClusterFirst';
    const patch = createThreeWayMergePatch(original, modified, current, 'Deployment');
    expect(patch).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'a' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'Y' }],
                '$setElementOrder/ports': [{ containerPort: 80 }],
                env: [{ $patch: 'delete', name: 'X' }],
                image: 'nginx:2',
                name: 'a',
                ports: [{ $patch: 'delete', containerPort: 443 }],
              },
              { $patch: 'delete', name: 'b' },
            ],
            tolerations: null,
          },
        },
      },
    });
    // Applying it to the live object keeps server-set fields and removes what the file dropped.
    const applied = applyStrategicMergePatch(current, patch, 'Deployment') as ReturnType<typeof deployment>;
    expect(applied.spec.template.spec).toEqual({
      containers: [{ name: 'a', image: 'nginx:2', env: [{ name: 'Y', value: '2' }], ports: [{ containerPort: 80 }] }],
      dnsPolicy: 'ClusterFirst',
    });
  });

  it('returns an empty patch when nothing changed, keeping fields set by the server', () => {
    const original = deployment({ containers: [{ name: 'a', image: 'nginx' }] });
    const current = deployment({ containers: [{ name: 'a', image: 'nginx', terminationMessagePath: '/dev/termination-log' }] }, 3);
    expect(createThreeWayMergePatch(original, structuredClone(original), current, 'Deployment')).toEqual({ spec: { replicas: 1 } });
    const noReplicaChange = deployment({ containers: [{ name: 'a', image: 'nginx' }] });
    expect(createThreeWayMergePatch(original, noReplicaChange, deployment({ containers: [{ name: 'a', image: 'nginx' }] }), 'Deployment')).toEqual({});
  });

  it('deletes primitive list entries and labels removed from the file', () => {
    const original = { metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['x', 'y'] } };
    const modified = { metadata: { name: 'p', labels: { a: '1' }, finalizers: ['x'] } };
    const patch = createThreeWayMergePatch(original, modified, structuredClone(original), 'ConfigMap');
    expect(JSON.stringify(patch)).toBe(
      '{"metadata":{"$deleteFromPrimitiveList/finalizers":["y"],"$setElementOrder/finalizers":["x"],"labels":{"b":null}}}',
    );
    expect(applyStrategicMergePatch(original, patch, 'ConfigMap')).toEqual(modified);
  });

  it('builds $retainKeys for a Deployment strategy switch', () => {
    const original = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const modified = { spec: { strategy: { type: 'Recreate' } } };
    const patch = createThreeWayMergePatch(original, modified, structuredClone(original), 'Deployment');
    expect(patch).toEqual({ spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } });
    expect(applyStrategicMergePatch(original, patch, 'Deployment')).toEqual(modified);
  });
});

describe('createTwoWayMergePatch', () => {
  it('diffs like kubectl edit / set image', () => {
    const before = { spec: { containers: [{ name: 'web', image: 'nginx:1.24' }, { name: 'side', image: 'busybox' }] } };
    const after = { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'side', image: 'busybox' }] } };
    expect(JSON.stringify(createTwoWayMergePatch(before, after, 'Pod'))).toBe(
      '{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"side"}],"containers":[{"image":"nginx:1.25","name":"web"}]}}',
    );
  });
});
