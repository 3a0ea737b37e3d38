import { describe, expect, it } from 'vitest';
import { scenario } from './harness.ts';

describe('kubectl get -w', () => {
  it('prints the initial list and the events through one tabwriter, so rows align under the header', async () => {
    const s = await scenario();
    expect(await s.out('kubectl get pods -w --request-timeout=1s')).toBe('');
    await s.run('kubectl create deployment web --image=nginx:1.25 --replicas=1');
    expect(await s.out('kubectl get pods -w --request-timeout=3s')).toBe(
      'NAME                   READY   STATUS              RESTARTS   AGE\n' +
        'web-7d4bcbbf5b-bjxwm   0/1     ContainerCreating   0          0s\n' +
        'web-7d4bcbbf5b-bjxwm   0/1     ContainerCreating   0          1s\n',
    );
    // RememberWidths: a column grows for a longer cell (MODIFIED) and never shrinks.
    expect(await s.out('kubectl get pods -w --output-watch-events --request-timeout=1s')).toBe(
      'EVENT   NAME                   READY   STATUS              RESTARTS   AGE\n' +
        'ADDED   web-7d4bcbbf5b-bjxwm   0/1     ContainerCreating   0          3s\n' +
        'MODIFIED   web-7d4bcbbf5b-bjxwm   1/1     Running             0          3s\n',
    );
  });
});
