/**
 * Workflow: resource metrics and the HorizontalPodAutoscaler walkthrough
 * (kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough/).
 *
 * metrics-server in kube-system scrapes every 15 s and needs two samples of a container, so a
 * new pod has no metrics for up to 30 s; `kubectl top` says so in kubectl's words. The HPA
 * controller syncs every 15 s, scales php-apache up while a busybox loop requests it (each
 * request costs the hpa-example 5 ms of CPU), and scales down only after the 5 minute
 * downscale stabilization window once the load stops.
 */
import { describe, expect, it } from 'vitest';
import { scenario } from '../harness.ts';

const PHP_APACHE = `cat > php-apache.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
EOF`;

/** replicasOf reads the REPLICAS column of `kubectl get hpa NAME --no-headers` (TARGETS holds one space). */
function replicasOf(line: string): number {
  return Number(line.trim().split(/\s+/)[6]);
}

describe('workflow: kubectl top', () => {
  it('shows node and pod usage once metrics-server has scraped twice', async () => {
    const s = await scenario();
    const nodes = await s.run('kubectl top node');
    expect(nodes.status).toBe(0);
    const lines = nodes.stdout.split('\n');
    expect(lines[0]).toBe('NAME           CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ');
    expect(lines.slice(1, 4).map((l) => l.split(/\s+/)[0])).toEqual(['controlplane', 'node01', 'node02']);
    for (const l of lines.slice(1, 4)) expect(l).toMatch(/^\S+\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s+$/);

    expect(await s.run('kubectl top pod -n kube-system -l component=etcd')).toEqual({
      stdout: 'NAME                CPU(cores)   MEMORY(bytes)   \netcd-controlplane   20m          40Mi            \n',
      stderr: '',
      status: 0,
    });
    expect(await s.out('kubectl top pod -n kube-system --containers -l component=kube-apiserver --no-headers')).toBe(
      'kube-apiserver-controlplane   kube-apiserver   40m   250Mi   \n',
    );
    expect(await s.out('kubectl top pod -n kube-system -l tier=control-plane --sort-by=cpu --sum')).toBe(
      'NAME                                   CPU(cores)   MEMORY(bytes)   \n' +
        'kube-apiserver-controlplane            40m          250Mi           \n' +
        'etcd-controlplane                      20m          40Mi            \n' +
        'kube-controller-manager-controlplane   15m          50Mi            \n' +
        'kube-scheduler-controlplane            5m           20Mi            \n' +
        '                                       ________     ________        \n' +
        '                                       80m          360Mi           \n',
    );
    expect(await s.run('kubectl top pod')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', status: 0 });

    // A new pod: no metrics until two scrapes have seen its container.
    await s.run('kubectl run web --image=nginx');
    expect(await s.run('kubectl top pod')).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', status: 1 });
    expect(await s.run('kubectl top pod web')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/web" not found\n',
      status: 1,
    });
    await s.run('sleep 45');
    expect(await s.out('kubectl top pod web')).toBe('NAME   CPU(cores)   MEMORY(bytes)   \nweb    0m           6Mi             \n');
  });

  it('fails like kubectl on bad input and without metrics-server', async () => {
    const s = await scenario();
    expect(await s.run('kubectl top pod --sort-by=name')).toEqual({ stdout: '', stderr: 'error: --sort-by accepts only cpu or memory\n', status: 1 });
    expect(await s.run('kubectl top pod web -l app=web')).toEqual({ stdout: '', stderr: 'error: only one of NAME or selector can be provided\n', status: 1 });
    expect(await s.run('kubectl top node a b')).toEqual({ stdout: '', stderr: "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n", status: 1 });
    expect(await s.out('kubectl top node node09')).toBe('Error from server (NotFound): nodes "node09" not found\n');
    expect(await s.out('kubectl top pod nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
    await s.run('kubectl scale deployment metrics-server -n kube-system --replicas=0');
    await s.run('sleep 35');
    expect(await s.out('kubectl top node')).toBe(
      'Error from server (ServiceUnavailable): the server is currently unable to handle the request (get nodes.metrics.k8s.io)\n',
    );
  });
});

describe('workflow: HorizontalPodAutoscaler walkthrough', () => {
  it('scales php-apache up under load and back down after the stabilization window', { timeout: 600_000 }, async () => {
    const s = await scenario();
    await s.run(PHP_APACHE);
    expect(await s.out('kubectl apply -f php-apache.yaml')).toBe('deployment.apps/php-apache created\nservice/php-apache created\n');
    expect(await s.out('kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10')).toBe(
      'horizontalpodautoscaler.autoscaling/php-apache autoscaled\n',
    );
    expect(await s.out('kubectl get hpa')).toBe(
      'NAME         REFERENCE               TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n' +
        'php-apache   Deployment/php-apache   cpu: <unknown>/50%   1         10        1          0s\n',
    );
    await s.run('sleep 60');
    expect(await s.out('kubectl get hpa')).toBe(
      'NAME         REFERENCE               TARGETS       MINPODS   MAXPODS   REPLICAS   AGE\n' +
        'php-apache   Deployment/php-apache   cpu: 0%/50%   1         10        1          60s\n',
    );

    await s.run('kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"');
    await s.run('sleep 90');
    const loaded = await s.out('kubectl get hpa php-apache --no-headers');
    expect(loaded).toMatch(/^php-apache\s+Deployment\/php-apache\s+cpu: \d+%\/50%\s+1\s+10\s+\d+\s+2m30s\s+$/);
    const peak = replicasOf(loaded);
    expect(peak).toBeGreaterThanOrEqual(4);
    expect(await s.out('kubectl get deployment php-apache --no-headers')).toMatch(new RegExp(`^php-apache\\s+${peak}/${peak}\\s+${peak}\\s+${peak}\\s`));
    const events = await s.out('kubectl describe hpa php-apache');
    expect(events).toContain('Normal   SuccessfulRescale');
    expect(events).toContain('New size: 4; reason: cpu resource utilization (percentage of request) above target');
    expect(events).toMatch(/AbleToScale\s+True\s+/);
    expect(events).toMatch(/ValidMetricFound\s+the HPA was able to successfully calculate a replica count from cpu resource utilization \(percentage of request\)/);

    // Stop the load: utilization drops at once, replicas only after 5 minutes of low recommendations.
    await s.run('kubectl delete pod load-generator --now');
    await s.run('sleep 60');
    const idle = await s.out('kubectl get hpa php-apache --no-headers');
    expect(idle).toMatch(/cpu: 0%\/50%/);
    expect(replicasOf(idle)).toBe(peak);
    await s.run('sleep 300');
    expect(replicasOf(await s.out('kubectl get hpa php-apache --no-headers'))).toBe(1);
    expect(await s.out('kubectl describe hpa php-apache')).toContain('reason: All metrics below target');
  });

  it('reports missing requests and unknown targets in conditions and events', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    await s.run('kubectl autoscale deployment web --max=3');
    await s.run('sleep 60');
    const d = await s.out('kubectl describe hpa web');
    expect(d).toMatch(/ScalingActive\s+False\s+FailedGetResourceMetric\s+the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container nginx of Pod web-\S+/);
    expect(d).toContain('resource cpu on pods  (as a percentage of request):  <unknown> / 80%');
    expect(await s.out('kubectl get hpa web --no-headers')).toMatch(/^web\s+Deployment\/web\s+cpu: <unknown>\/80%\s+1\s+3\s+1\s/);

    await s.run('kubectl autoscale deployment web --max=3 --name=other');
    await s.run('kubectl delete deployment web');
    await s.run('sleep 20');
    expect(await s.out('kubectl describe hpa other')).toMatch(
      /AbleToScale\s+False\s+FailedGetScale\s+the HPA controller was unable to get the target's current scale: deployments.apps "web" not found/,
    );
  });

  it('refuses bad autoscalers in kubectl and API server words, creating nothing', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    expect((await s.run('kubectl autoscale deployment web')).stderr).toMatch(/^E\d{4} [\d:.]+\s+\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"max\\" not set"\n$/);
    expect(await s.out('kubectl autoscale deployment web --max=0')).toBe('error: --max=MAXPODS is required and must be at least 1, max: 0\n');
    expect(await s.out('kubectl autoscale deployment web --max=2 --min=3')).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n');
    await s.run('kubectl run p --image=nginx');
    expect(await s.out('kubectl autoscale pod p --max=3')).toBe(
      'error: cannot autoscale a Pod: could not find scale subresource for /v1, Resource=pods in discovery information\n',
    );
    expect(await s.out('kubectl autoscale deployment nope --max=3')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(await s.out(`kubectl apply -f - <<EOF
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: bad
spec:
  scaleTargetRef:
    kind: Deployment
  minReplicas: 3
  maxReplicas: 2
  metrics:
  - type: Foo
EOF`)).toBe(
      'The HorizontalPodAutoscaler "bad" is invalid: \n' +
        '* spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`\n' +
        '* spec.scaleTargetRef.name: Required value\n' +
        '* spec.metrics[0].type: Unsupported value: "Foo": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"\n',
    );
    expect(await s.run('kubectl get hpa')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', status: 0 });

    // The dry run prints the autoscaling/v1 object v1.32's kubectl builds.
    expect(await s.out('kubectl autoscale deployment web --cpu-percent=50 --max=10 --dry-run=client -o yaml')).toBe(`apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  creationTimestamp: null
  name: web
spec:
  maxReplicas: 10
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  targetCPUUtilizationPercentage: 50
status:
  currentReplicas: 0
  desiredReplicas: 0
`);
    expect(await s.out('kubectl autoscale deployment web --max=10')).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    expect(await s.out('kubectl autoscale deployment web --max=10')).toBe('Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n');
  });
  it('accepts autoscaling/v1 manifests, stored and shown as v2', async () => {
    const s = await scenario();
    await s.run('kubectl create deployment web --image=nginx');
    const manifest = `cat > hpa.yaml <<EOF
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 5
  targetCPUUtilizationPercentage: 60
EOF`;
    await s.run(manifest);
    expect(await s.out('kubectl apply -f hpa.yaml')).toBe('horizontalpodautoscaler.autoscaling/web created\n');
    expect(await s.out('kubectl apply -f hpa.yaml')).toBe('horizontalpodautoscaler.autoscaling/web unchanged\n');
    expect(await s.out("kubectl get hpa web -o jsonpath='{.apiVersion} {.spec.metrics[0].resource.target}'")).toBe(
      'autoscaling/v2 {"averageUtilization":60,"type":"Utilization"}',
    );
    // Below minReplicas: the controller scales up without asking for metrics.
    expect(await s.out('kubectl describe hpa web | grep SuccessfulRescale')).toMatch(/New size: 2; reason: Current number of replicas below Spec.MinReplicas\n$/);
  });
});
