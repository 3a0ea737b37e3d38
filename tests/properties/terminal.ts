/**
 * Shared pieces of the robustness properties: a bounded run of one terminal line on a
 * headless session, the cluster invariants a line must never break, and the signs of a
 * JavaScript failure leaking into kubectl's output.
 */
import { SignalSource } from '../../src/shell/abort.ts';
import { scenario, type LineResult, type Scenario } from '../scenarios/harness.ts';

/** WALL_LIMIT_MS is how long one line may take in wall time before it is interrupted (Ctrl-C). */
export const WALL_LIMIT_MS = 3000;

/** BoundedResult is a line's result and whether it had to be interrupted. */
export interface BoundedResult extends LineResult {
  interrupted: boolean;
}

/**
 * runBounded types one line and interrupts it like Ctrl-C after WALL_LIMIT_MS (a
 * `get -w` may legitimately wait for ever); it rejects if even the interrupted line
 * does not return, which is the hang these properties look for.
 */
export async function runBounded(s: Scenario, line: string): Promise<BoundedResult> {
  const source = new SignalSource();
  let stdout = '';
  let stderr = '';
  let interrupted = false;
  const timer = setTimeout(() => {
    interrupted = true;
    source.abort();
  }, WALL_LIMIT_MS);
  let hang: ReturnType<typeof setTimeout> | undefined;
  try {
    const status = await Promise.race([
      s.session.run(line, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, source.signal),
      new Promise<never>((_, reject) => {
        hang = setTimeout(() => reject(new Error(`line did not finish even after Ctrl-C: ${JSON.stringify(line)}`)), WALL_LIMIT_MS * 2);
      }),
    ]);
    return { stdout, stderr, status, interrupted };
  } finally {
    clearTimeout(timer);
    clearTimeout(hang);
  }
}

/** JS_FAILURE matches a JavaScript exception leaking into what kubectl or the shell print. */
export const JS_FAILURE =
  /Cannot read propert|Cannot set propert|is not a function|is not iterable|\w is not defined$|Maximum call stack|\bat .*\.ts:\d+|TypeError|RangeError|ReferenceError|SyntaxError: Unexpected|\[object Object\]/m;

/** leakedFailure returns the offending output of a line, if it shows a JavaScript failure. */
export function leakedFailure(r: LineResult): string | undefined {
  const both = r.stdout + r.stderr;
  return JS_FAILURE.test(both) ? both : undefined;
}

/** DESTRUCTIVE lines may legitimately remove what the invariants look for. */
const DESTRUCTIVE = /\b(delete|drain|replace|apply|patch|edit|taint|cordon|label|annotate|set|scale|rollout|config|kubeconfig)\b/;

/** checkCluster asserts the cluster still answers and its system pods are still there; returns a problem or undefined. */
export async function checkCluster(s: Scenario, lines: string[]): Promise<string | undefined> {
  const ns = await runBounded(s, 'kubectl get ns');
  if (ns.status !== 0 || !/^default +Active/m.test(ns.stdout)) return `kubectl get ns broke: ${JSON.stringify(ns)}`;
  if (lines.some((l) => DESTRUCTIVE.test(l))) return undefined;
  const pods = await runBounded(s, 'kubectl get pods -n kube-system -o name');
  for (const pod of ['pod/etcd-controlplane', 'pod/kube-apiserver-controlplane', 'pod/kube-scheduler-controlplane']) {
    if (!pods.stdout.split('\n').includes(pod)) return `${pod} is gone: ${JSON.stringify(pods)}`;
  }
  return undefined;
}

/** freshSession is a new default cluster in a headless terminal. */
export function freshSession(): Promise<Scenario> {
  return scenario();
}
