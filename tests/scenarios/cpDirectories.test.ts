/**
 * `kubectl cp` of directories in both directions, with upstream's layout rules (cp.go:
 * into an existing directory SRC keeps its name; from a pod DEST becomes SRC) and tar's
 * messages on stderr.
 */
import { describe, expect, it } from 'vitest';
import { scenario, type Scenario } from './harness.ts';

async function withPods(): Promise<Scenario> {
  const s = await scenario();
  await s.run('kubectl run web --image=nginx');
  await s.run('kubectl run bb --image=busybox -- sleep 3600');
  await s.run('kubectl wait --for=condition=Ready pod/web pod/bb --timeout=120s');
  return s;
}

describe('kubectl cp with directories', () => {
  it('copies a local directory into a pod, nesting it when the destination exists', async () => {
    const s = await withPods();
    await s.run("mkdir -p site/css && echo '<h1>hi</h1>' > site/index.html && echo 'body{}' > site/css/main.css && touch site/.keep");
    expect(await s.run('kubectl cp site web:/tmp/site')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await s.out('kubectl exec web -- ls -1a /tmp/site')).toBe('.\n..\n.keep\ncss\nindex.html\n');
    expect(await s.out('kubectl exec web -- cat /tmp/site/css/main.css')).toBe('body{}\n');
    // /tmp/site exists now: the second copy lands in /tmp/site/site.
    expect(await s.run('kubectl cp site web:/tmp/site')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await s.out('kubectl exec web -- cat /tmp/site/site/index.html')).toBe('<h1>hi</h1>\n');
    // A file into an existing directory keeps its name.
    expect(await s.run('kubectl cp site/index.html bb:/tmp')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await s.out('kubectl exec bb -- cat /tmp/index.html')).toBe('<h1>hi</h1>\n');
  });

  it('copies a pod directory to a local one, with tar\'s note about the leading slash', async () => {
    const s = await withPods();
    expect(await s.run('kubectl cp web:/etc/nginx ./nginx')).toEqual({ stdout: '', stderr: "tar: Removing leading '/' from member names\n", status: 0 });
    expect(await s.out('ls nginx/conf.d')).toBe('default.conf\n');
    expect(await s.out('head -2 nginx/conf.d/default.conf')).toBe('server {\n    listen       80;\n');
    await s.run("kubectl exec bb -- sh -c 'mkdir -p /data/a && echo one > /data/a/1.txt'");
    expect(await s.run('kubectl cp bb:/data out')).toEqual({ stdout: '', stderr: "tar: removing leading '/' from member names\n", status: 0 });
    expect(await s.out('cat out/a/1.txt')).toBe('one\n');
  });

  it('fails on a missing path with tar\'s and kubectl\'s words', async () => {
    const s = await withPods();
    expect(await s.run('kubectl cp web:/nope ./x')).toEqual({
      stdout: '',
      stderr:
        "tar: Removing leading '/' from member names\ntar: /nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\nerror: command terminated with exit code 2\n",
      status: 1,
    });
    expect(await s.out('ls x')).toBe("ls: cannot access 'x': No such file or directory\n");
    expect(await s.out('kubectl cp nodir web:/tmp/x')).toBe("error: nodir doesn't exist in local filesystem\n");
  });
});
