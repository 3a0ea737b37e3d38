import { describe, expect, it } from 'vitest';
import { MemoryFS } from '../../shell/memoryFS.ts';
import type { CommandIO } from '../../shell/types.ts';
import { ENDPOINTSLICES, NODES, SERVICES } from '../client/client.ts';
import { bootstrapNamespaces, Cluster, DEFAULT_OPTIONS } from '../sim/cluster.ts';
import { installNetwork } from './install.ts';
import type { NetworkTools } from './commands/index.ts';
import type { ContainerEndpoint, NetRequest } from './types.ts';

function server(port: number, body: string, protocol = 'TCP'): ContainerEndpoint & { seen: NetRequest[] } {
  const seen: NetRequest[] = [];
  return {
    seen,
    running: true,
    ports: () => [{ port, protocol }],
    accepts: (p) => p === port && protocol !== 'UDP',
    request: async (p, req) => {
      if (p !== port) return undefined;
      seen.push(req);
      return { status: 200, headers: { 'content-type': 'text/plain' }, body };
    },
  };
}

function slice(ns: string, svc: string, ports: { name: string; port: number; protocol?: string }[], eps: { ip: string; ready: boolean }[]) {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${svc}-abcde`, namespace: ns, labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4', ports: ports.map((p) => ({ protocol: 'TCP', ...p })),
    endpoints: eps.map((e) => ({ addresses: [e.ip], conditions: { ready: e.ready } })),
  };
}

function setup(dnsReady = true) {
  const cluster = new Cluster({ ...DEFAULT_OPTIONS });
  const net = installNetwork(cluster);
  bootstrapNamespaces(cluster);
  for (const step of cluster.bootstrapSteps) step(cluster);
  const client = cluster.client('test');
  client.create(NODES, '', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'controlplane' } });
  client.updateStatus(NODES, { ...client.get(NODES, '', 'controlplane'), status: { addresses: [{ type: 'InternalIP', address: '172.30.1.2' }] } });
  client.create(ENDPOINTSLICES, 'kube-system', slice('kube-system', 'kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }], [{ ip: '10.244.0.2', ready: dnsReady }]));
  net.attach('10.244.0.2', 'dns-uid', 'coredns', server(53, '', 'UDP'));
  client.create(SERVICES, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] } });
  client.create(ENDPOINTSLICES, 'default', slice('default', 'web', [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.5', ready: true }, { ip: '10.244.2.7', ready: false }]));
  const ready = server(8080, 'hello from web\n');
  const unready = server(8080, 'not ready\n');
  net.attach('10.244.1.5', 'web-1', 'app', ready);
  net.attach('10.244.2.7', 'web-2', 'app', unready);
  const tools = cluster.services.get('node-tools') as NetworkTools;
  const clusterIP = (client.get(SERVICES, 'default', 'web').spec as { clusterIP: string }).clusterIP;
  return { cluster, net, client, tools, ready, unready, clusterIP };
}

async function run(cmds: Record<string, (io: CommandIO) => Promise<number>>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  let slept = 0;
  const code = await cmds[argv[0]]({
    argv, stdin: '', env: new Map(), cwd: '/', fs: new MemoryFS(), isTTY: false,
    stdout: (t) => (stdout += t), stderr: (t) => (stderr += t),
    signal: { aborted: false, addEventListener() {}, removeEventListener() {} },
    sleep: async (ms) => { slept += ms; },
  });
  return { code, stdout, stderr, slept };
}

const pod = { namespace: 'default', podName: 'client', podIP: '10.244.1.9', nodeName: 'node01' };

describe('DNS', () => {
  it('answers service names through the pod search path, in busybox and bind formats', async () => {
    const { tools, clusterIP } = setup();
    const bb = await run(tools.commandsForPod(pod), ['nslookup', 'web.default.svc.cluster.local']);
    expect(bb.stdout).toContain(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n`);
    expect(bb.stdout).toContain(`Name:\tweb.default.svc.cluster.local\nAddress: ${clusterIP}\n`);
    const bind = await run(tools.commandsForPod(pod, 'debian'), ['nslookup', 'web']);
    expect(bind.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${clusterIP}\n\n`);
    expect(bind.code).toBe(0);
    const kube = await run(tools.commandsForPod(pod, 'debian'), ['nslookup', 'kubernetes.default']);
    expect(kube.stdout).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
  });

  it('answers pod A records and NXDOMAIN', async () => {
    const { tools, net } = setup();
    const r = net.resolve({ kind: 'pod', ...pod }, '10-244-1-5.default.pod.cluster.local');
    expect(r !== 'timeout' && r.answer.records[0].value).toBe('10.244.1.5');
    const miss = await run(tools.commandsForPod(pod, 'debian'), ['nslookup', 'foo']);
    expect(miss.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find foo: NXDOMAIN\n\n");
    expect(miss.code).toBe(1);
  });

  it('prints busybox 1.28 nslookup as the Kubernetes docs show it: libc addresses with their PTR names', async () => {
    const { tools, net, clusterIP } = setup();
    const ok = await run(tools.commandsForPod(pod, 'busybox-1.28'), ['nslookup', 'web']);
    expect(ok.stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        `Name:      web\nAddress 1: ${clusterIP} web.default.svc.cluster.local\n`,
    );
    expect(ok.code).toBe(0);
    // An endpoint without a hostname is named by its dashed address under its Service; a bare pod IP has no PTR.
    expect(net.reverseName('10.244.1.5')).toBe('10-244-1-5.web.default.svc.cluster.local');
    expect(net.reverseName('10.244.1.9')).toBeUndefined();
    const miss = await run(tools.commandsForPod(pod, 'busybox-1.28'), ['nslookup', 'foo']);
    expect(miss.stdout).toBe('Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n');
    expect(miss.stderr).toBe("nslookup: can't resolve 'foo'\n");
    expect(miss.code).toBe(1);
  });

  it('times out while no CoreDNS endpoint is ready', async () => {
    const { tools } = setup(false);
    const r = await run(tools.commandsForPod(pod), ['nslookup', 'web']);
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n');
    expect(r.code).toBe(1);
    const c = await run(tools.commandsForPod(pod), ['curl', 'http://web']);
    expect(c.stderr).toBe('curl: (6) Could not resolve host: web\n');
    expect(c.slept).toBe(10_000);
  });
});

describe('routing', () => {
  it('sends ClusterIP traffic only to ready endpoints, with the named targetPort resolved', async () => {
    const { tools, ready, unready } = setup();
    for (let i = 0; i < 5; i++) {
      const r = await run(tools.commandsForPod(pod), ['curl', '-s', 'web']);
      expect(r.stdout).toBe('hello from web\n');
    }
    expect(ready.seen.length).toBe(5);
    expect(unready.seen.length).toBe(0);
    expect(ready.seen[0].fromIP).toBe('10.244.1.9');
  });

  it('reaches NodePorts on a node IP and prints -w http_code', async () => {
    const { tools } = setup();
    const r = await run(tools.commandsFor('controlplane'), ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://172.30.1.2:30080/']);
    expect(r.stdout).toBe('200\n');
  });

  it('prints curl errors: refused pod port, service without endpoints, unknown host', async () => {
    const { tools, client } = setup();
    const refused = await run(tools.commandsFor('controlplane'), ['curl', '10.244.1.5:9090']);
    expect(refused.stderr).toBe("curl: (7) Failed to connect to 10.244.1.5 port 9090 after 0 ms: Couldn't connect to server\n");
    expect(refused.code).toBe(7);
    const empty = client.create(SERVICES, 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty' }, spec: { ports: [{ port: 80 }], selector: { app: 'none' } } });
    const ip = (empty.spec as { clusterIP: string }).clusterIP;
    const noEp = await run(tools.commandsFor('controlplane'), ['curl', `http://${ip}`]);
    expect(noEp.stderr).toBe(`curl: (7) Failed to connect to ${ip} port 80 after 1 ms: Couldn't connect to server\n`);
    const unknown = await run(tools.commandsFor('controlplane'), ['curl', '-sS', 'http://foo']);
    expect(unknown.stderr).toBe('curl: (6) Could not resolve host: foo\n');
    expect(unknown.code).toBe(6);
    const silent = await run(tools.commandsFor('controlplane'), ['curl', '-s', 'http://foo']);
    expect(silent.stderr).toBe('');
  });

  it('times out on an undefined service port with -m', async () => {
    const { tools, clusterIP } = setup();
    const r = await run(tools.commandsFor('controlplane'), ['curl', '-m', '3', `http://${clusterIP}:81`]);
    expect(r.stderr).toBe('curl: (28) Connection timed out after 3001 milliseconds\n');
    expect(r.code).toBe(28);
    expect(r.slept).toBe(3000);
  });

  it('wget -qO- prints the body; refused prints busybox text', async () => {
    const { tools } = setup();
    const ok = await run(tools.commandsForPod(pod), ['wget', '-qO-', 'http://web']);
    expect(ok.stdout).toBe('hello from web\n');
    const bad = await run(tools.commandsForPod(pod), ['wget', '-qO-', 'http://10.244.1.5:1234']);
    expect(bad.stderr).toBe("wget: can't connect to remote host (10.244.1.5): Connection refused\n");
    expect(bad.code).toBe(1);
  });
});
