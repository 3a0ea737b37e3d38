/**
 * Server-side apply as a learner meets it: field ownership, conflicts with the real
 * advice text, --force-conflicts, pruning of dropped fields, and the client-side →
 * server-side migration kubectl v1.32 performs.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

const ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`;

const deployment = (replicas: number, image: string) => `cat > web.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${image}
EOF`;

const managersLine = `kubectl get deploy web -o jsonpath='{range .metadata.managedFields[*]}{.manager}/{.operation}/{.subresource} {end}'`;

describe('kubectl apply --server-side', () => {
  it('reports conflicts with scale and set image, then takes the fields with --force-conflicts', async () => {
    const s = await scenario();
    await s.run(deployment(2, 'nginx:1.27'));
    expect(await s.out('kubectl apply --server-side -f web.yaml')).toBe('deployment.apps/web serverside-applied\n');
    expect(await s.out('kubectl apply --server-side -f web.yaml')).toBe('deployment.apps/web serverside-applied\n');
    await s.run('kubectl scale deploy web --replicas=5');
    const conflict = await s.run('kubectl apply --server-side -f web.yaml');
    expect(conflict.status).toBe(1);
    expect(conflict.stderr).toBe(
      `error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas\n${ADVICE}`,
    );
    await s.run('kubectl set image deploy/web nginx=nginx:1.28');
    expect((await s.run('kubectl apply --server-side -f web.yaml')).stderr).toBe(
      'error: Apply failed with 2 conflicts: conflicts with "kubectl" with subresource "scale" using apps/v1:\n- .spec.replicas\n' +
        `conflicts with "kubectl-set" using apps/v1:\n- .spec.template.spec.containers[name="nginx"].image\n${ADVICE}`,
    );
    // Nothing changed while the applies were refused.
    expect(await s.out(`kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image}'`)).toBe('5 nginx:1.28');
    expect(await s.out('kubectl apply --server-side --force-conflicts -f web.yaml')).toBe('deployment.apps/web serverside-applied\n');
    expect(await s.out(`kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image}'`)).toBe('2 nginx:1.27');
    expect(await s.out(managersLine)).toBe('kubectl/Apply/ kube-controller-manager/Update/ kube-controller-manager/Update/status ');
  });

  it('removes a field dropped from the manifest, and restores its default', async () => {
    const s = await scenario();
    await s.run(deployment(3, 'nginx'));
    await s.run('kubectl apply --server-side -f web.yaml');
    await s.run(`sed -i '/replicas/d' web.yaml`);
    await s.run('kubectl apply --server-side -f web.yaml');
    expect(await s.out(`kubectl get deploy web -o jsonpath='{.spec.replicas}'`)).toBe('1');
  });

  it('moves client-side apply ownership to the server-side manager after the first server-side apply', async () => {
    const s = await scenario();
    await s.run(`cat > cm.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, labels: {team: a}}
data: {a: "1", b: "2"}
EOF`);
    expect(await s.out('kubectl apply -f cm.yaml')).toBe('configmap/cfg created\n');
    expect(await s.out('kubectl apply --server-side -f cm.yaml')).toBe('configmap/cfg serverside-applied\n');
    expect(await s.out(`kubectl get cm cfg -o jsonpath='{range .metadata.managedFields[*]}{.manager}/{.operation} {end}'`)).toBe(
      'kubectl/Apply kubectl-last-applied/Apply ',
    );
    await s.run(`cat > cm.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {a: "1"}
EOF`);
    await s.run('kubectl apply --server-side -f cm.yaml');
    expect(await s.out(`kubectl get cm cfg -o jsonpath='{.data} {.metadata.labels}'`)).toBe('{"a":"1"} ');
    // The server keeps the client-side annotation in step for a later client-side apply.
    expect(await s.out(`kubectl get cm cfg -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'`)).toBe(
      '{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"cfg","namespace":"default"}}\n',
    );
  });

  it('shows field ownership with --show-managed-fields', async () => {
    const s = await scenario();
    await s.run('kubectl create configmap cfg --from-literal=a=1');
    await s.run('kubectl label cm cfg team=x');
    expect(await s.out(`kubectl get cm cfg -o yaml --show-managed-fields | sed -n '/managedFields/,/^  name:/p'`)).toBe(`  managedFields:
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:data:
        .: {}
        f:a: {}
    manager: kubectl-create
    operation: Update
    time: "2026-01-15T09:10:00Z"
  - apiVersion: v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:labels:
          .: {}
          f:team: {}
    manager: kubectl-label
    operation: Update
    time: "2026-01-15T09:10:00Z"
  name: cfg
`);
  });
});
