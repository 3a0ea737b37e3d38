/**
 * The topology draws the workload and networking kinds beyond Deployments: CronJob → Job →
 * Pod (a finished Job's pod shows Completed, as `kubectl get pods` does), StatefulSet → Pod,
 * Ingress → Service, HorizontalPodAutoscaler → its scale target, PersistentVolumeClaim → the
 * pods mounting it. Edges are found by their ids (`relation:source>target`, store keys).
 */
import { expect, test, type Page } from '@playwright/test';
import { run, waitForPrompt } from './helpers.ts';

const topo = (page: Page, selector: string) => page.locator(`[data-testid="topology"] ${selector}`);

test.beforeEach(async ({ page }) => {
  await page.goto('./');
  await waitForPrompt(page);
  await page.locator('[data-testid="clock-speed"]').selectOption('20');
});

test('CronJob → Job → Pod, and a finished Job pod is Completed', async ({ page }) => {
  test.setTimeout(120_000);
  await run(page, 'kubectl create job hello --image=busybox -- echo hi');
  const pod = topo(page, '[data-kind="Pod"][data-name^="hello-"]');
  await expect(pod).toHaveAttribute('data-phase', 'Completed', { timeout: 60_000 });
  const name = await pod.getAttribute('data-name');
  await expect(topo(page, '[data-kind="Job"][data-name="hello"]')).toContainText('1/1');
  await expect(topo(page, `[data-id="owns:batch/jobs/default/hello>/pods/default/${name}"]`)).toHaveCount(1);
  // kubectl agrees with the picture.
  expect(await run(page, `clear; kubectl get pod ${name} --no-headers`)).toMatch(new RegExp(`^${name}\\s+0/1\\s+Completed\\s`, 'm'));

  await run(page, "clear; kubectl create cronjob tick --image=busybox --schedule='*/1 * * * *' -- date");
  await expect(topo(page, '[data-kind="CronJob"][data-name="tick"]')).toContainText('*/1 * * * *');
  await expect(topo(page, '[data-id^="owns:batch/cronjobs/default/tick>batch/jobs/default/tick-"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(topo(page, '[data-kind="Pod"][data-name^="tick-"][data-phase="Completed"]').first()).toBeVisible({ timeout: 60_000 });
});

test('StatefulSet → Pod, Ingress → Service, HorizontalPodAutoscaler → Deployment, PersistentVolumeClaim → Pod', async ({ page }) => {
  test.setTimeout(120_000);
  // One line each (the helper types a single line): the manifests as JSON on stdin.
  const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };
  await run(page, `clear; echo '${JSON.stringify(sts)}' | kubectl apply -f -`);
  for (const n of ['db-0', 'db-1']) {
    await expect(topo(page, `[data-kind="Pod"][data-name="${n}"]`)).toHaveAttribute('data-phase', 'Running', { timeout: 60_000 });
    await expect(topo(page, `[data-id="owns:apps/statefulsets/default/db>/pods/default/${n}"]`)).toHaveCount(1);
  }
  await expect(topo(page, '[data-kind="StatefulSet"][data-name="db"]')).toContainText('2/2');

  await run(page, 'clear; kubectl create deployment web --image=nginx && kubectl expose deployment web --port=80');
  await run(page, 'clear; kubectl create ingress web --rule="example.com/=web:80"');
  await expect(topo(page, '[data-id="routes:networking.k8s.io/ingresses/default/web>/services/default/web"]')).toHaveCount(1, { timeout: 30_000 });
  await run(page, 'clear; kubectl autoscale deployment web --min=1 --max=5 --cpu-percent=50');
  await expect(topo(page, '[data-kind="HorizontalPodAutoscaler"][data-name="web"]')).toBeVisible({ timeout: 30_000 });
  await expect(topo(page, '[data-id="scales:autoscaling/horizontalpodautoscalers/default/web>apps/deployments/default/web"]')).toHaveCount(1);

  const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  const app = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app' }, spec: { containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } };
  await run(page, `clear; echo '${JSON.stringify(claim)}' | kubectl apply -f -`);
  await run(page, `clear; echo '${JSON.stringify(app)}' | kubectl apply -f -`);
  await expect(topo(page, '[data-kind="PersistentVolumeClaim"][data-name="data"]')).toBeVisible({ timeout: 30_000 });
  await expect(topo(page, '[data-id="mounts:/persistentvolumeclaims/default/data>/pods/default/app"]')).toHaveCount(1);
});
