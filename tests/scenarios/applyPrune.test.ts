/**
 * `kubectl apply --prune` (classic pruning, apply.go / prune.go): objects of the prune
 * types that carry the last-applied annotation, match -l (or --all), live in a namespace
 * apply touched and were not applied this time are deleted — `deployment.apps/old pruned`.
 */
import { describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './harness.ts';

const DEPRECATION =
  'prune.go:71] Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.\n';

/** manifests writes app/ with deployments web and old (labelled tier=fe) and a configmap. */
async function withApp(s: Scenario): Promise<void> {
  await s.run('mkdir -p app');
  await s.run("printf 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: %s\\n  labels:\\n    tier: fe\\nspec:\\n  selector:\\n    matchLabels:\\n      app: %s\\n  template:\\n    metadata:\\n      labels:\\n        app: %s\\n    spec:\\n      containers:\\n      - name: c\\n        image: nginx\\n' web web web > app/web.yaml");
  await s.run("printf 'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: %s\\n  labels:\\n    tier: fe\\nspec:\\n  selector:\\n    matchLabels:\\n      app: %s\\n  template:\\n    metadata:\\n      labels:\\n        app: %s\\n    spec:\\n      containers:\\n      - name: c\\n        image: nginx\\n' old old old > app/old.yaml");
  await s.run("printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cfg\\ndata:\\n  a: b\\n' > app/cfg.yaml");
  expect(await s.out('kubectl apply -f app/')).toBe('configmap/cfg created\ndeployment.apps/old created\ndeployment.apps/web created\n');
}

describe('kubectl apply --prune', () => {
  it('deletes applied objects that left the manifests, and nothing else', async () => {
    const s = await scenario();
    await withApp(s);
    await s.run('kubectl create deployment manual --image=nginx'); // no last-applied annotation: never pruned
    await s.run('rm app/old.yaml');
    const dry = await s.run('kubectl apply -f app/ --prune --all --dry-run=client');
    expect(dry.stdout).toBe('configmap/cfg configured (dry run)\ndeployment.apps/web configured (dry run)\ndeployment.apps/old pruned (dry run)\n');
    expect(dry.stderr.endsWith(DEPRECATION)).toBe(true);
    expect(await s.out('kubectl get deploy old -o name')).toBe('deployment.apps/old\n');
    const real = await s.run('kubectl apply -f app/ --prune --all');
    expect(real.stdout).toBe('configmap/cfg unchanged\ndeployment.apps/web unchanged\ndeployment.apps/old pruned\n');
    expect(await s.out('kubectl get deploy -o name')).toBe('deployment.apps/manual\ndeployment.apps/web\n');
    // Pruning again finds nothing more to delete.
    expect((await s.run('kubectl apply -f app/ --prune --all')).stdout).toBe('configmap/cfg unchanged\ndeployment.apps/web unchanged\n');
  });

  it('filters both the manifests and the pruned objects with -l, and honours --prune-allowlist', async () => {
    const s = await scenario();
    await withApp(s);
    await s.run('rm app/old.yaml app/cfg.yaml');
    // Only ConfigMaps may be pruned: old survives, cfg goes.
    expect(await s.out('kubectl apply -f app/ --prune --all --prune-allowlist=core/v1/ConfigMap')).toBe(
      'deployment.apps/web unchanged\nconfigmap/cfg pruned\n',
    );
    // -l tier=fe: the deployment old (tier=fe, applied, absent) is pruned.
    expect(await s.out('kubectl apply -f app/ --prune -l tier=fe --prune-allowlist=apps/v1/Deployment')).toBe(
      'deployment.apps/web unchanged\ndeployment.apps/old pruned\n',
    );
    expect(await s.out('kubectl apply -f app/ -l tier=be')).toBe('error: no objects passed to apply\n');
  });

  it('checks its arguments as upstream and leaves the cluster unchanged', async () => {
    const s = await scenario();
    await withApp(s);
    await s.run('rm app/old.yaml');
    const cases: Array<[string, string]> = [
      [
        'kubectl apply -f app/ --prune',
        'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n',
      ],
      ['kubectl apply -f app/ --prune --all -l a=b', 'error: cannot set --all and --selector at the same time\n'],
      ['kubectl apply -f app/ --prune --all --force', 'error: --force cannot be used with --prune\n'],
      ['kubectl apply -f app/ --prune --all --server-side', "error: --prune is in alpha and doesn't currently work on objects created by server-side apply\n"],
      ['kubectl apply -f app/ --prune --all --prune-allowlist=apps/v1', 'error: invalid GroupVersionKind format: apps/v1, please follow <group/version/kind>\n'],
      ['kubectl apply -f app/ --prune --all --prune-allowlist=core/v1/Widget', 'error: no matches for kind "Widget" in version "v1"\n'],
      [
        "kubectl apply -f app/ --prune -l 'a b'",
        'error: the provided selector "a b" is not valid: unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt\n',
      ],
    ];
    for (const [line, message] of cases) expect(await s.run(line)).toEqual({ stdout: '', stderr: message, status: 1 });
    expect(await s.out('kubectl get deploy -o name')).toBe('deployment.apps/old\ndeployment.apps/web\n');
  });
});
