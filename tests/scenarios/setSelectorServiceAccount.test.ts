/**
 * `kubectl set selector` and `kubectl set serviceaccount|sa` against the cluster: the
 * strategic merge patches they send, dry runs, --resource-version preconditions, --all,
 * and the errors upstream prints (set_selector.go, set_serviceaccount.go).
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

const selectorOf = "kubectl get svc web -o jsonpath='{.spec.selector}'";
const saOf = "kubectl get deploy web -o jsonpath='{.spec.template.spec.serviceAccountName}'";

describe('kubectl set selector', () => {
  it('replaces a Service selector, with dry runs that leave it alone', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl expose deployment web --port=80');
    expect(await s.out('kubectl set selector svc web app=api,tier=fe')).toBe('service/web selector updated\n');
    expect(await s.out(selectorOf)).toBe('{"app":"api","tier":"fe"}');
    expect(await s.out("kubectl set selector service/web app=web --dry-run=client -o jsonpath='{.spec.selector}'")).toBe('{"app":"web"}');
    expect(await s.out('kubectl set selector svc web app=web --dry-run=server')).toBe('service/web selector updated (server dry run)\n');
    expect(await s.out(selectorOf)).toBe('{"app":"api","tier":"fe"}');
    expect(await s.out('kubectl set selector svc web app=web -o name')).toBe('service/web\n');
    expect(await s.out(selectorOf)).toBe('{"app":"web"}');
    // The kubectl-set field manager owns what it patched.
    expect(await s.out("kubectl get svc web --show-managed-fields -o jsonpath='{.metadata.managedFields[*].manager}'")).toContain('kubectl-set');
  });

  it('sends --resource-version as a precondition', async () => {
    const s = await scenario();
    await s.run('kubectl create service clusterip web --tcp=80');
    const rv = (await s.run("kubectl get svc web -o jsonpath='{.metadata.resourceVersion}'")).stdout;
    expect(await s.run('kubectl set selector svc web app=x --resource-version=1')).toEqual({
      stdout: '',
      stderr:
        'Error from server (Conflict): Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again\n',
      status: 1,
    });
    expect(await s.out(selectorOf)).toBe('{"app":"web"}');
    expect(await s.out(`kubectl set selector svc web app=x --resource-version=${rv}`)).toBe('service/web selector updated\n');
    expect(await s.out(selectorOf)).toBe('{"app":"x"}');
  });

  it('selects every Service with --all', async () => {
    const s = await scenario();
    await s.run('kubectl create service clusterip web --tcp=80');
    await s.run('kubectl create service clusterip api --tcp=80');
    expect(await s.out('kubectl set selector svc --all app=x -o name')).toBe('service/api\nservice/kubernetes\nservice/web\n');
  });

  it('refuses what upstream refuses and leaves the cluster unchanged', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl create service clusterip web --tcp=80');
    expect(await s.run('kubectl set selector deploy web app=x')).toEqual({
      stdout: '',
      stderr: 'error: setting a selector is only supported for Services\n',
      status: 1,
    });
    expect(await s.out("kubectl set selector svc web 'app in (a,b)'")).toBe('error: match expression [{app In [a b]}] not supported on this object\n');
    expect(await s.out("kubectl set selector svc web 'app!=a'")).toBe('error: "!=" is not a valid label selector operator\n');
    expect(await s.out("kubectl set selector svc web 'a b'")).toBe(
      'error: couldn\'t parse the selector string "a b": unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt\n',
    );
    expect(await s.out('kubectl set selector svc nope app=x')).toBe('Error from server (NotFound): services "nope" not found\n');
    // The last word is the selector, so `svc` alone names a type without a name.
    expect(await s.out('kubectl set selector svc web')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(await s.out('kubectl set selector app=x')).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(await s.out('kubectl set selector --local svc web app=x')).toBe(
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
    );
    expect(await s.out('kubectl set selector svc web app=x --dry-run=maybe')).toBe(
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n',
    );
    expect(await s.out(selectorOf)).toBe('{"app":"web"}');
  });
});

describe('kubectl set serviceaccount', () => {
  it('sets the pod template service account, even when it is already set', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    expect(await s.out('kubectl set sa deploy web bot')).toBe('deployment.apps/web serviceaccount updated\n');
    expect(await s.out(saOf)).toBe('bot');
    expect(await s.out('kubectl set serviceaccount deployment/web bot')).toBe('deployment.apps/web serviceaccount updated\n');
    expect(await s.out('kubectl set sa deploy web other --dry-run=server')).toBe('deployment.apps/web serviceaccount updated (server dry run)\n');
    expect(await s.out('kubectl set sa deploy web other --dry-run=client')).toBe('deployment.apps/web serviceaccount updated (dry run)\n');
    expect(await s.out(saOf)).toBe('bot');
    expect(await s.out('kubectl set sa deploy --all other -o name')).toBe('deployment.apps/web\n');
    expect(await s.out(saOf)).toBe('other');
    // Each new template is a new ReplicaSet of the rollout.
    expect(await s.out("kubectl get rs -o jsonpath='{range .items[*]}{.spec.template.spec.serviceAccountName}{\"\\n\"}{end}' | sort")).toBe('\nbot\nother\n');
  });

  it('reports what it cannot patch in upstream words', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl create service clusterip web --tcp=80');
    expect(await s.out('kubectl set sa deploy web Bad_Name')).toBe(
      "error: failed to patch ServiceAccountName Deployment.apps \"web\" is invalid: spec.template.spec.serviceAccountName: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n",
    );
    expect(await s.out('kubectl set sa svc web bot')).toBe('error: service/web the object is not a pod or does not have a pod template: *v1.Service\n');
    expect(await s.out('kubectl set sa deploy nope bot')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(await s.out('kubectl set sa')).toBe('error: serviceaccount is required\n');
    expect(await s.out('kubectl set sa --local deploy web bot')).toMatch(/^error: You must provide one or more resources by argument or filename\./);
    expect(await s.out(saOf)).toBe('');
  });
});
