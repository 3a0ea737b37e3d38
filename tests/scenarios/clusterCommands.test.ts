import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('discovery commands', () => {
  it('api-resources prints discovery as kubectl does', async () => {
    const s = await scenario();
    const out = (await s.run('kubectl api-resources')).stdout.split('\n');
    expect(out[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(out).toContainEqual(expect.stringMatching(/^pods\s+po\s+v1\s+true\s+Pod$/));
    expect(out).toContainEqual(expect.stringMatching(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/));
    expect(out).toContainEqual(expect.stringMatching(/^persistentvolumeclaims\s+pvc\s+v1\s+true\s+PersistentVolumeClaim$/));
    expect(out).toContainEqual(expect.stringMatching(/^persistentvolumes\s+pv\s+v1\s+false\s+PersistentVolume$/));
    expect(out).toContainEqual(expect.stringMatching(/^storageclasses\s+sc\s+storage\.k8s\.io\/v1\s+false\s+StorageClass$/));
    // Core group first, then groups in name order.
    expect(out.findIndex((l) => l.startsWith('services '))).toBeLessThan(out.findIndex((l) => l.startsWith('deployments ')));
    // The VERBS cell is tab-terminated, so it is padded even when CATEGORIES is empty (trailing spaces, as upstream).
    expect(await s.out('kubectl api-resources -o wide --namespaced=false --api-group=')).toMatch(
      /^namespaces\s+ns\s+v1\s+false\s+Namespace\s+create,delete,get,list,patch,update,watch {20}$/m,
    );
    expect(await s.out('kubectl api-resources -o name --api-group=apps')).toMatch(/^(\w+\.apps\n)+$/);
    expect((await s.run('kubectl api-resources -o json')).stderr).toBe('error: --output json is not available\n');
  });

  it('api-versions lists group/versions sorted', async () => {
    const s = await scenario();
    const out = await s.out('kubectl api-versions');
    expect(out).toContain('apps/v1\n');
    expect(out.endsWith('v1\n')).toBe(true);
    const lines = out.trim().split('\n');
    expect([...lines].sort()).toEqual(lines);
  });

  it('cluster-info names the control plane and CoreDNS, in colour unless TERM=dumb', async () => {
    const s = await scenario();
    expect(await s.out('TERM=dumb kubectl cluster-info')).toBe(
      'Kubernetes control plane is running at https://172.30.1.2:6443\n' +
        'CoreDNS is running at https://172.30.1.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    expect((await s.out('kubectl cluster-info')).split('\n')[0]).toBe(
      '\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://172.30.1.2:6443\x1b[0m',
    );
  });

  it('version reports client, kustomize and the cluster version', async () => {
    const s = await scenario();
    expect(await s.out('kubectl version')).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n');
    expect(await s.out('kubectl version --client')).toBe('Client Version: v1.32.4\nKustomize Version: v5.5.0\n');
    expect(await s.out('kubectl version -o json --client')).toContain('  "kustomizeVersion": "v5.5.0"\n}\n');
    expect(await s.run('kubectl version -o table')).toEqual({ stdout: '', stderr: "error: --output must be 'yaml' or 'json'\n", status: 1 });
  });
});

describe('kubectl config', () => {
  it('views the kubeadm admin.conf with data omitted', async () => {
    const s = await scenario();
    expect(await s.out('kubectl config view')).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    certificate-authority-data: DATA+OMITTED',
        '    server: https://172.30.1.2:6443',
        '  name: kubernetes',
        'contexts:',
        '- context:',
        '    cluster: kubernetes',
        '    user: kubernetes-admin',
        '  name: kubernetes-admin@kubernetes',
        'current-context: kubernetes-admin@kubernetes',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: kubernetes-admin',
        '  user:',
        '    client-certificate-data: DATA+OMITTED',
        '    client-key-data: DATA+OMITTED',
        '',
      ].join('\n'),
    );
    expect(await s.out('kubectl config view --raw -o jsonpath={.users[0].user.client-key-data} | base64 -d | head -1')).toBe('-----BEGIN RSA PRIVATE KEY-----\n');
    expect(await s.out("kubectl config view --minify -o jsonpath='{.contexts[0].context.cluster}'")).toBe('kubernetes');
  });

  it('switches namespace and context like kubectl', async () => {
    const s = await scenario();
    expect(await s.out('kubectl config current-context')).toBe('kubernetes-admin@kubernetes\n');
    expect(await s.out('kubectl config set-context --current --namespace=kube-system')).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(await s.out('kubectl config get-contexts')).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
        '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system\n',
    );
    expect(await s.out('kubectl get pod etcd-controlplane -o name')).toBe('pod/etcd-controlplane\n');
    expect(await s.out('kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev')).toBe('Context "dev" created.\n');
    expect(await s.out('kubectl config use-context dev')).toBe('Switched to context "dev".\n');
    expect(await s.out('kubectl config get-contexts -o name')).toBe('dev\nkubernetes-admin@kubernetes\n');
    expect(await s.run('kubectl config use-context nope')).toEqual({ stdout: '', stderr: 'error: no context exists with the name: "nope"\n', status: 1 });
    expect(await s.out('kubectl config rename-context dev staging')).toBe('Context "dev" renamed to "staging".\n');
    expect(await s.run('kubectl config delete-context staging')).toEqual({
      stdout: 'deleted context staging from /root/.kube/config\n',
      stderr: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
      status: 0,
    });
    // As upstream, deleting the current context leaves current-context pointing at it.
    expect(await s.out('kubectl config current-context')).toBe('staging\n');
    expect(await s.out('kubectl config unset current-context')).toBe('Property "current-context" unset.\n');
    expect(await s.run('kubectl config current-context')).toEqual({ stdout: '', stderr: 'error: current-context is not set\n', status: 1 });
    expect(await s.out('kubectl config set current-context kubernetes-admin@kubernetes')).toBe('Property "current-context" set.\n');
    expect(await s.out('kubectl config get-clusters')).toBe('NAME\nkubernetes\n');
    expect(await s.out('kubectl config get-users')).toBe('NAME\nkubernetes-admin\n');
  });
});

describe('auth, options, completion, top, explain', () => {
  it('auth answers for the cluster admin', async () => {
    const s = await scenario();
    expect(await s.run('kubectl auth can-i create deployments')).toEqual({ stdout: 'yes\n', stderr: '', status: 0 });
    expect(await s.run('kubectl auth can-i list nodes')).toEqual({ stdout: 'yes\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", status: 0 });
    expect(await s.run('kubectl auth can-i get pods -q')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect((await s.run('kubectl auth can-i get')).stderr).toBe(
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n",
    );
    expect((await s.out('kubectl auth can-i --list')).split('\n').slice(0, 3)).toEqual([
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
    ]);
    expect(await s.out('kubectl auth whoami')).toBe('ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
  });

  it('options, completion and top answer honestly', async () => {
    const s = await scenario();
    expect(await s.out('kubectl options | head -1')).toBe('The following options can be passed to any command:\n');
    expect(await s.out('kubectl completion bash | head -1')).toBe('# bash completion for kubectl (kubeplay)\n');
    expect(await s.run('kubectl completion')).toEqual({ stdout: '', stderr: "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n", status: 1 });
    expect(await s.run('kubectl completion tcsh')).toEqual({ stdout: '', stderr: 'error: Unsupported shell type "tcsh".\nSee \'kubectl completion -h\' for help and examples\n', status: 1 });
    // metrics-server runs in kube-system, so top answers (see workflows/autoscaling.test.ts).
    expect(await s.run('kubectl top pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', status: 0 });
    expect(await s.out('kubectl top node --no-headers | wc -l')).toBe('3\n');
  });

  it('explain documents served kinds only', async () => {
    const s = await scenario();
    expect((await s.out('kubectl explain deploy.spec.replicas')).split('\n').slice(0, 4)).toEqual(['GROUP:      apps', 'KIND:       Deployment', 'VERSION:    v1', '']);
    expect(await s.run('kubectl explain foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', status: 1 });
  });
});
