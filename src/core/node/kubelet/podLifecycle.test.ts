import { describe, expect, it } from 'vitest';
import { CONFIGMAPS, PODS } from '../../client/client.ts';
import { createPod, getPod, nodeCluster, podEvents, run, runUntil } from './testCluster.ts';

const waitingReason = (cluster: ReturnType<typeof nodeCluster>): string | undefined => getPod(cluster).status?.containerStatuses?.[0].state?.waiting?.reason;

describe('kubelet: image pull failures', () => {
  it('unknown image → ErrImagePull → ImagePullBackOff with upstream events', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx:bad' }] });
    await runUntil(cluster, () => waitingReason(cluster) === 'ErrImagePull', 10_000);
    expect(waitingReason(cluster)).toBe('ErrImagePull');
    const shown = await runUntil(cluster, () => waitingReason(cluster) === 'ImagePullBackOff', 20_000);
    expect(shown).toBeGreaterThanOrEqual(2000);
    expect(getPod(cluster).status!.containerStatuses![0].state!.waiting!.message).toBe('Back-off pulling image "nginx:bad"');
    const events = podEvents(cluster);
    expect(events[0]).toBe('Pulling: Pulling image "nginx:bad"');
    expect(events[1]).toBe(
      'Failed: Failed to pull image "nginx:bad": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:bad": failed to resolve reference "docker.io/library/nginx:bad": docker.io/library/nginx:bad: not found',
    );
    expect(events.slice(2, 5)).toEqual(['Failed: Error: ErrImagePull', 'BackOff: Back-off pulling image "nginx:bad"', 'Failed: Error: ImagePullBackOff']);
  });

  it('a re-pull after the back-off keeps showing the pull error, never ContainerCreating again', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx:bad' }] });
    await runUntil(cluster, () => waitingReason(cluster) === 'ImagePullBackOff', 20_000);
    const seen = new Set<string | undefined>();
    // Back-offs of 10 s and 20 s: two re-pulls happen inside this minute.
    for (let i = 0; i < 60; i++) {
      await run(cluster, 1000);
      seen.add(waitingReason(cluster));
    }
    expect([...seen].sort()).toEqual(['ErrImagePull', 'ImagePullBackOff']);
  });

  it('imagePullPolicy Never without the image → ErrImageNeverPull', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'redis:7', imagePullPolicy: 'Never' }] });
    await run(cluster, 5000);
    expect(waitingReason(cluster)).toBe('ErrImageNeverPull');
    expect(podEvents(cluster)).toContain('ErrImageNeverPull: Container image "redis:7" is not present with pull policy of Never');
  });

  it('IfNotPresent with a cached image says already present', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx:1.27' }] }, 'a');
    await run(cluster, 10_000);
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx:1.27' }] }, 'b');
    await run(cluster, 5000);
    expect(podEvents(cluster, 'b')[0]).toBe('Pulled: Container image "nginx:1.27" already present on machine');
    expect(getPod(cluster, 'b').status?.phase).toBe('Running');
  });
});

describe('kubelet: restarts', () => {
  it('sh -c "exit 1" → CrashLoopBackOff with growing back-off', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] });
    const restartsAt: number[] = [];
    let last = 0;
    const start = cluster.clock.now();
    for (let t = 0; t < 200_000; t += 1000) {
      await run(cluster, 1000);
      const n = getPod(cluster).status?.containerStatuses?.[0].restartCount ?? 0;
      if (n > last) {
        restartsAt.push(Math.round((cluster.clock.now() - start) / 1000));
        last = n;
      }
    }
    // Gaps between restarts double: ~10 s, 20 s, 40 s, 80 s.
    const gaps = restartsAt.slice(1).map((t, i) => t - restartsAt[i]);
    // Sampled once a second, and each run takes a moment to exit: allow one second.
    [10, 20, 40, 80].forEach((want, i) => expect(gaps[i] - want).toBeGreaterThanOrEqual(0));
    [10, 20, 40, 80].forEach((want, i) => expect(gaps[i] - want).toBeLessThanOrEqual(1));
    await run(cluster, 2000);
    const cs = getPod(cluster).status!.containerStatuses![0];
    expect(cs.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs.state?.waiting?.message).toMatch(/^back-off (2m40s|5m0s) restarting failed container=web pod=web_default\(/);
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(getPod(cluster).status?.phase).toBe('Running');
    expect(podEvents(cluster)).toContain(`BackOff: Back-off restarting failed container web in pod web_default(${getPod(cluster).metadata!.uid})`);
  });

  it('restartPolicy Never: a failing container makes the pod Failed', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { restartPolicy: 'Never', containers: [{ name: 'web', image: 'busybox', command: ['sh', '-c', 'echo bye; exit 3'] }] });
    await run(cluster, 10_000);
    const pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Failed');
    expect(pod.status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(cluster.client().logs('default', 'web', { container: 'web' })).toBe('bye\n');
  });

  it('memory over the limit is OOMKilled (exit 137)', async () => {
    const cluster = nodeCluster();
    createPod(cluster, {
      restartPolicy: 'Never',
      containers: [{ name: 'web', image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], resources: { limits: { memory: '100Mi' } } }],
    });
    await run(cluster, 20_000);
    expect(getPod(cluster).status!.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});

describe('kubelet: probes', () => {
  it('a failing readiness probe keeps Ready=False', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/missing', port: 80 }, periodSeconds: 5 } }] });
    await run(cluster, 60_000);
    const pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status!.containerStatuses![0].ready).toBe(false);
    expect(pod.status!.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' });
    expect(podEvents(cluster)).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('a failing liveness probe restarts the container', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx', livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5, failureThreshold: 3 } }] });
    await run(cluster, 60_000);
    const pod = getPod(cluster);
    expect(pod.status!.containerStatuses![0].restartCount).toBeGreaterThanOrEqual(1);
    const events = podEvents(cluster);
    expect(events).toContain('Unhealthy: Liveness probe failed: dial tcp 10.244.1.2:8080: connect: connection refused');
    expect(events).toContain('Killing: Container web failed liveness probe, will be restarted');
  });
});

describe('kubelet: deletion', () => {
  it('sleep 3600 ignores SIGTERM: deletion takes the 30 s grace period', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'busybox', command: ['sleep', '3600'] }] });
    await run(cluster, 10_000);
    expect(getPod(cluster).status?.phase).toBe('Running');
    cluster.client().delete(PODS, 'default', 'web');
    await run(cluster, 1000);
    expect(getPod(cluster).metadata!.deletionTimestamp).toBeDefined();
    expect(podEvents(cluster)).toContain('Killing: Stopping container web');
    // Still running during the grace period, the container stays ready (kubectl shows 1/1 Terminating).
    await run(cluster, 5000);
    expect(getPod(cluster).status?.containerStatuses?.[0]).toMatchObject({ ready: true, state: { running: {} } });
    const took = 6000 + await runUntil(cluster, () => !cluster.client().tryGet(PODS, 'default', 'web'), 60_000, 1000);
    expect(took).toBeGreaterThanOrEqual(28_000);
    expect(took).toBeLessThanOrEqual(31_000);
  });

  it('nginx stops quickly on its stop signal', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx' }] });
    await run(cluster, 10_000);
    cluster.client().delete(PODS, 'default', 'web');
    const took = await runUntil(cluster, () => !cluster.client().tryGet(PODS, 'default', 'web'), 60_000, 500);
    expect(took).toBeLessThan(5000);
  });

  it('a pod whose containers stopped at once stays until the sandbox is torn down (1 s PLEG relist)', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'nginx' }] });
    await run(cluster, 10_000);
    cluster.client().delete(PODS, 'default', 'web');
    await run(cluster, 0);
    // The containers are gone and the terminal status is written (kubectl: 0/1 Completed), but
    // the status manager only deletes once SyncTerminatedPod has run.
    const pod = getPod(cluster);
    expect(pod.metadata!.deletionTimestamp).toBeDefined();
    expect(pod.status?.phase).toBe('Succeeded');
    expect(pod.status?.containerStatuses?.[0]).toMatchObject({ ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    await run(cluster, 900);
    expect(cluster.client().tryGet(PODS, 'default', 'web')).toBeDefined();
    await run(cluster, 100);
    expect(cluster.client().tryGet(PODS, 'default', 'web')).toBeUndefined();
  });

  it('a pod that already completed is deleted at once (its sandbox is gone)', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'exit 0'] }] });
    await runUntil(cluster, () => getPod(cluster).status?.phase === 'Succeeded', 30_000);
    cluster.client().delete(PODS, 'default', 'web');
    await run(cluster, 0);
    expect(cluster.client().tryGet(PODS, 'default', 'web')).toBeUndefined();
  });
});

describe('kubelet: volumes, env, logs and exec', () => {
  it('configMap volume content is visible through exec cat; env resolves', async () => {
    const cluster = nodeCluster();
    cluster.client().create(CONFIGMAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'app.conf': 'color=blue\n', MODE: 'prod' } });
    createPod(cluster, {
      containers: [{
        name: 'web', image: 'busybox', command: ['sleep', '3600'],
        env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'MODE' } } }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'GREETING', value: 'mode=$(MODE)' }],
        volumeMounts: [{ name: 'cfg', mountPath: '/etc/app' }],
      }],
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
    });
    await run(cluster, 10_000);
    let out = '';
    const code = await cluster.client().exec('default', 'web', { container: 'web', command: ['cat', '/etc/app/app.conf'], stdin: '', tty: false, stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(code).toBe(0);
    expect(out).toBe('color=blue\n');
    out = '';
    await cluster.client().exec('default', 'web', { container: 'web', command: ['sh', '-c', 'echo $MODE $POD $GREETING'], stdin: '', tty: false, stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(out).toBe('prod web mode=prod\n');
  });

  it('a missing ConfigMap key is CreateContainerConfigError', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'busybox', command: ['sleep', '3600'], env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'x' } } }] }] });
    await run(cluster, 10_000);
    expect(getPod(cluster).status!.containerStatuses![0].state?.waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "nope" not found' });
    expect(podEvents(cluster)).toContain('Failed: Error: configmap "nope" not found');
  });

  it('logs, --previous and the waiting error', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'busybox', command: ['sh', '-c', 'echo run; sleep 5; exit 1'] }] });
    await run(cluster, 300);
    expect(() => cluster.client().logs('default', 'web', { container: 'web' })).toThrow('container "web" in pod "web" is waiting to start: ContainerCreating');
    expect(() => cluster.client().logs('default', 'web', { container: 'nope' })).toThrow('container nope is not valid for pod web');
    await run(cluster, 5000);
    expect(() => cluster.client().logs('default', 'web', { container: 'web', previous: true })).toThrow('previous terminated container "web" in pod "web" not found');
    await runUntil(cluster, () => (getPod(cluster).status?.containerStatuses?.[0].restartCount ?? 0) >= 1, 60_000);
    await run(cluster, 100);
    expect(cluster.client().logs('default', 'web', { container: 'web', previous: true })).toBe('run\n');
    expect(cluster.client().logs('default', 'web', { container: 'web', timestamps: true })).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z run\n$/);
  });
});

describe('kubelet: sidecars and deadlines', () => {
  it('a native sidecar starts before and runs beside the app; the pod completes and the sidecar is stopped', async () => {
    const cluster = nodeCluster();
    createPod(cluster, {
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'busybox', restartPolicy: 'Always', command: ['sleep', '3600'] }],
      containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'sleep 5; echo done'] }],
    });
    await run(cluster, 4000);
    let pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.initContainerStatuses?.[0]).toMatchObject({ name: 'proxy', ready: true, started: true });
    expect(pod.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
    await run(cluster, 60_000);
    pod = getPod(cluster);
    expect(pod.status?.phase).toBe('Succeeded');
    expect(pod.status?.initContainerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 137 });
    expect(podEvents(cluster)).toContain('Killing: Stopping container proxy');
  });

  it('activeDeadlineSeconds fails the pod with DeadlineExceeded', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { activeDeadlineSeconds: 10, containers: [{ name: 'web', image: 'nginx' }] });
    await run(cluster, 15_000);
    const pod = getPod(cluster);
    expect(pod.status).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' });
    expect(podEvents(cluster)).toContain('DeadlineExceeded: Pod was active on the node longer than the specified deadline');
  });

  it('imagePullPolicy Always re-pulls a cached image quickly on restart', async () => {
    const cluster = nodeCluster();
    createPod(cluster, { containers: [{ name: 'web', image: 'busybox', imagePullPolicy: 'Always', command: ['sh', '-c', 'sleep 2; exit 1'] }] });
    await run(cluster, 10_000);
    const pulled = podEvents(cluster).filter((e) => e.startsWith('Pulled:'));
    expect(pulled.length).toBeGreaterThanOrEqual(2);
    expect(pulled[1]).toMatch(/^Pulled: Successfully pulled image "busybox" in \d+ms \(\d+ms including waiting\)\. Image size: \d+ bytes\.$/);
  });
});

describe('kubelet: several containers', () => {
  it('pulls their images one after another and starts every container', async () => {
    const cluster = nodeCluster();
    createPod(cluster, {
      containers: [
        { name: 'web', image: 'nginx' },
        { name: 'side', image: 'busybox', command: ['sleep', '3600'] },
      ],
    });
    const statusesOf = () => getPod(cluster).status?.containerStatuses ?? [];
    await runUntil(cluster, () => statusesOf().length === 2 && statusesOf().every((s) => s.ready), 30_000);
    const statuses = getPod(cluster).status!.containerStatuses!;
    expect(statuses.map((s) => `${s.name} ${Object.keys(s.state ?? {})[0]}`)).toEqual(['side running', 'web running']);
    expect(podEvents(cluster).filter((e) => e.startsWith('Started'))).toEqual(['Started: Started container web', 'Started: Started container side']);
  });
});
