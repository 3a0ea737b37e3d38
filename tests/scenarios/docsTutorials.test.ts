/**
 * Lines from the Kubernetes docs' tasks and tutorials that a learner types as printed, checked
 * against what a v1.32 cluster prints (second-pair-of-eyes audit of the day's features).
 *
 * - StatefulSet Basics and "Debugging DNS Resolution" pin busybox:1.28, whose nslookup still
 *   went through libc: `Server:    IP` / `Address 1: IP NAME` with reverse (PTR) names from
 *   CoreDNS, and `nslookup: can't resolve 'NAME'` on a miss.
 * - "Get a Shell to a Running Container" and most tutorials exec the shell by its path.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('docs tutorials, line by line', () => {
  it('resolves web-0.nginx with busybox:1.28 in the docs format, PTR names included', async () => {
    const s = await scenario();
    await s.run('kubectl apply -f https://k8s.io/examples/application/web/web.yaml');
    await s.run('kubectl rollout status sts/web');
    const ip = (await s.out("kubectl get pod web-0 -o jsonpath='{.status.podIP}'")).trim();
    const r = await s.run('kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm -- nslookup web-0.nginx');
    expect(r.stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        `Name:      web-0.nginx\nAddress 1: ${ip} web-0.nginx.default.svc.cluster.local\n` +
        'pod "dns-test" deleted\n',
    );
    await s.run('kubectl run dnsutils --image=busybox:1.28 --restart=Never -- sleep 3600');
    await s.run('kubectl wait --for=condition=Ready pod/dnsutils');
    expect(await s.out('kubectl exec -i -t dnsutils -- nslookup kubernetes.default')).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    );
    const miss = await s.run('kubectl exec dnsutils -- nslookup web-9.nginx');
    expect(miss.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n');
    expect(miss.stderr).toBe("nslookup: can't resolve 'web-9.nginx'\ncommand terminated with exit code 1\n");
    expect(miss.status).toBe(1);
    // Newer busybox keeps its own resolver's format.
    await s.run('kubectl run bb --image=busybox:1.36 --restart=Never -- sleep 3600');
    await s.run('kubectl wait --for=condition=Ready pod/bb');
    expect(await s.out('kubectl exec bb -- nslookup kubernetes.default.svc.cluster.local')).toContain('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n');
  });

  it('execs the image shell by its path: kubectl exec POD -- /bin/sh -c ...', async () => {
    const s = await scenario();
    await s.run('kubectl run shell-demo --image=nginx');
    await s.run('kubectl wait --for=condition=Ready pod/shell-demo');
    expect(await s.out("kubectl exec shell-demo -- /bin/sh -c 'echo $HOSTNAME'")).toBe('shell-demo\n');
    expect(await s.out("kubectl exec shell-demo -- /bin/bash -c 'echo hello > /usr/share/nginx/html/index.html; cat /usr/share/nginx/html/index.html'")).toBe('hello\n');
    await s.run('kubectl run bb --image=busybox --restart=Never -- sleep 3600');
    await s.run('kubectl wait --for=condition=Ready pod/bb');
    expect(await s.out("kubectl exec bb -- /bin/sh -c 'echo hi'")).toBe('hi\n');
    // busybox has no bash: runc cannot exec it, and nothing else changes.
    const r = await s.run('kubectl exec bb -- /bin/bash');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('exec: "/bin/bash": ');
  });

  it('serves the Ingress tutorial app, hello-app, which has no shell: exec fails as runc does, without an exit-code line', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=gcr.io/google-samples/hello-app:1.0');
    await s.run('kubectl expose deployment web --type=NodePort --port=8080');
    await s.run('kubectl rollout status deployment web');
    const pod = (await s.out("kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}'")).trim();
    expect(await s.out("curl -s http://$(kubectl get svc web -o jsonpath='{.spec.clusterIP}'):8080")).toBe(`Hello, world!\nVersion: 1.0.0\nHostname: ${pod}\n`);
    expect(await s.out('kubectl logs deploy/web')).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Server listening on port 8080\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Serving request: \/\n$/);
    for (const line of ['kubectl exec deploy/web -- sh', 'kubectl exec -it deploy/web -- sh']) {
      const r = await s.run(line);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n$/,
      );
    }
    // The terminal is still the host's: the next line runs kubectl, not a shell in the container.
    expect(await s.out('kubectl get deploy web -o name')).toBe('deployment.apps/web\n');
  });

  it('answers kubectl get --raw as the API server does (the metrics docs pipe it to jq)', async () => {
    const s = await scenario();
    expect(await s.out('kubectl get --raw /healthz')).toBe('ok');
    expect(await s.out('kubectl get --raw /api')).toBe(
      '{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"172.30.1.2:6443"}]}\n',
    );
    expect(await s.out("kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes | jq -r '.items[].metadata.name'")).toBe('controlplane\nnode01\nnode02\n');
    expect(await s.out("kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes/node01 | jq -r '.kind, .window'")).toBe('NodeMetrics\n15s\n');
    const pod = await s.out('kubectl get --raw /api/v1/namespaces/kube-system/pods/etcd-controlplane');
    expect(pod.startsWith('{"kind":"Pod","apiVersion":"v1","metadata":{"name":"etcd-controlplane","namespace":"kube-system","uid":')).toBe(true);
    expect(pod.endsWith('}\n')).toBe(true);
    // Bad input: the server's 404s and kubectl's own argument checks.
    expect(await s.out('kubectl get --raw /api/v1/namespaces/default/pods/nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await s.out('kubectl get --raw /nope')).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect(await s.out('kubectl get pods --raw /api')).toBe('error: arguments may not be passed when --raw is specified\n');
    expect(await s.out('kubectl get --raw /api -o yaml')).toBe('error: --raw and --output are mutually exclusive\n');
  });

  it('runs the Declare Network Policy checks: wget --spider, and kubectl run -i shows the container run once', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment nginx --image=nginx');
    await s.run('kubectl expose deployment nginx --port=80');
    await s.run('kubectl rollout status deployment nginx');
    const ip = (await s.out("kubectl get svc nginx -o jsonpath='{.spec.clusterIP}'")).trim();
    expect(await s.out('kubectl run busybox --rm -i --image=busybox:1.28 --restart=Never -- wget --spider --timeout=1 nginx')).toBe(
      `Connecting to nginx (${ip}:80)\nremote file exists\npod "busybox" deleted\n`,
    );
    // Attach shows the container's own output: the command is not run a second time beside it.
    expect(await s.out("kubectl run b2 --rm -i --image=busybox:1.28 --restart=Never -- sh -c 'wget nginx; echo rc=$?'")).toBe(
      `Connecting to nginx (${ip}:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\nrc=0\npod "b2" deleted\n`,
    );
    // A failing check: its output, then the pod's termination (exit 1).
    const miss = await s.run('kubectl run b3 --rm -i --image=busybox:1.28 --restart=Never -- wget --spider --timeout=1 nope');
    expect(miss.status).toBe(1);
    expect(miss.stdout).toBe("wget: bad address 'nope'\npod \"b3\" deleted\n");
    expect(miss.stderr).toBe('pod default/b3 terminated (Error)\n');
  });
});
