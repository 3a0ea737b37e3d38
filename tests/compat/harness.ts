/**
 * Compat harness: start `kubeplay serve` in-process on a free loopback port, run the real
 * `kubectl` against it as a child process, and run our emulated kubectl on the same cluster
 * (a terminal session sharing the gateway's cluster and clock), so outputs can be compared.
 *
 * NOTE: kubectl must be spawned asynchronously: the gateway answers on this same event loop.
 */
import { execFile, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeHandle } from '../../src/cli/serve.ts';
import { TerminalSession } from '../../src/session/session.ts';

/** KubectlResult is what one kubectl run printed. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** kubectlAvailable tells whether a real kubectl is on PATH. */
export function kubectlAvailable(): boolean {
  const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0;
}

/** CompatEnv is a running gateway with both kubectls pointed at it. */
export interface CompatEnv {
  serve: ServeHandle;
  session: TerminalSession;
  /** kubectl runs the real kubectl with args; it is killed after `timeoutMs`. */
  kubectl(args: string[], opts?: { timeoutMs?: number; stdin?: string }): Promise<KubectlResult>;
  /** emulated runs one line in our terminal (e.g. `kubectl get nodes`) and returns stdout+stderr. */
  emulated(line: string): Promise<string>;
  /** close stops every kubectl child still running, the gateway and the temp directory. */
  close(): Promise<void>;
}

/** startCompat starts a gateway on 127.0.0.1 with a kubeconfig and kubectl cache in a temp dir. */
export async function startCompat(): Promise<CompatEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-compat-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const serve = await startServe({ port: 0, kubeconfig });
  const session = new TerminalSession({ cluster: serve.cluster, driver: serve.driver });
  const children = new Set<ChildProcess>();
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: dir };
  return {
    serve,
    session,
    kubectl(args, opts = {}) {
      return new Promise((resolve) => {
        const child = execFile(
          'kubectl',
          [`--cache-dir=${join(dir, 'cache')}`, ...args],
          { env, timeout: opts.timeoutMs ?? 20_000, killSignal: 'SIGKILL', encoding: 'utf8' },
          (err, stdout, stderr) => {
            children.delete(child);
            const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
            resolve({ stdout, stderr, code });
          },
        );
        children.add(child);
        if (opts.stdin !== undefined) child.stdin?.end(opts.stdin);
        else child.stdin?.end();
      });
    },
    async emulated(line) {
      let out = '';
      await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
      return out;
    },
    async close() {
      for (const child of children) child.kill('SIGKILL');
      await serve.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * withoutAges replaces age cells (`5s`, `3m2s`, `10m`, `2d3h`) and collapses column padding,
 * so tables printed moments apart compare.
 */
export function withoutAges(text: string): string {
  return text
    .replace(/(?<=\s)\d+[smhdy](\d+[smh])?(?=\s|$)/gm, '<age>')
    .replace(/ {2,}/g, '  ')
    .replace(/ +$/gm, '');
}
