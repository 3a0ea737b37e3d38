/**
 * `kubectl run NAME --image=image [--port] [--labels] [--env] [--restart] [--command] [--expose] -- [COMMAND] [args...]`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and generate/versioned/run.go
 * (BasicPod): a Pod labelled `run=NAME` unless --labels is given; arguments after `--`
 * are the container's args, or its command with --command. With --expose a ClusterIP
 * Service selecting the pod comes first.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, parseKeyValueList, sortedRecord, type GeneratedObject } from './meta.ts';
import { UsageError, requiredFlagsError } from './usageError.ts';

/** RunFlags are the parsed flags of `kubectl run` that shape the Pod. */
export interface RunFlags {
  /** --image (required). */
  image?: string;
  /** --port: containerPort (and the Service port with --expose). */
  port?: string;
  /** -l, --labels: "k=v,..." replacing the default run=NAME. */
  labels?: string;
  /** --env (StringArray): "KEY=value". */
  env?: string[];
  /** --annotations (StringArray): "key=value". */
  annotations?: string[];
  /** --restart: Always (default), OnFailure or Never. */
  restart?: string;
  /** --command: treat the arguments after `--` as the command instead of args. */
  command?: boolean;
  /** --image-pull-policy: container imagePullPolicy. */
  imagePullPolicy?: string;
  /** --expose: also create a Service (requires --port). */
  expose?: boolean;
  /** -i, --stdin and -t, --tty. */
  stdin?: boolean;
  tty?: boolean;
  /** --privileged: securityContext.privileged. */
  privileged?: boolean;
  /** Arguments after `--`. */
  args?: string[];
}

function keyValues(items: string[], bad: (item: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(bad(item));
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/** generateRun returns the objects `kubectl run --dry-run=client` prints, in print order. */
export function generateRun(args: string[], flags: RunFlags, ctx?: GeneratorContext): GeneratedObject[] {
  if (!flags.image) throw requiredFlagsError(['image']);
  if (args.length === 0) throw new UsageError('NAME is required for run', 'usage');
  const name = args[0];
  const restart = flags.restart ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`, 'usage');
  // run.go verifyImagePullPolicy: only the three corev1.PullPolicy values (or none).
  const pull = flags.imagePullPolicy ?? '';
  if (pull !== '' && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new UsageError(`invalid image pull policy: ${pull}`, 'usage');
  const port = flags.port ?? '';
  if (flags.expose && port === '') throw new UsageError('--port must be set when exposing a service', 'usage');
  const labels = flags.labels ? parseKeyValueList(flags.labels, (p) => new UsageError(`unexpected label spec: ${p}`)) : { run: name };
  const env = (flags.env ?? []).map((e) => {
    const eq = e.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid env: ${e}`);
    return { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
  const annotations = keyValues(flags.annotations ?? [], (a) => `invalid annotation spec: ${a}`);
  const container: Record<string, unknown> = { name, image: flags.image };
  const rest = flags.args ?? [];
  if (rest.length > 0) container[flags.command ? 'command' : 'args'] = rest;
  if (port !== '') {
    const n = Number(port);
    if (!/^-?[0-9]+$/.test(port)) throw new UsageError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
    container.ports = [{ containerPort: n }];
  }
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (flags.imagePullPolicy) container.imagePullPolicy = flags.imagePullPolicy;
  if (flags.privileged) container.securityContext = { privileged: true };
  if (flags.stdin) {
    container.stdin = true;
    container.stdinOnce = true;
  }
  if (flags.tty) container.tty = true;
  const pod: GeneratedObject = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: objectMeta(name, ctx, { labels: sortedRecord(labels), annotations: sortedRecord(annotations) }),
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  if (!flags.expose) return [pod];
  const service: GeneratedObject = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta(name, ctx),
    spec: { ports: [{ protocol: 'TCP', port: Number(port), targetPort: Number(port) }], selector: sortedRecord(labels) },
    status: { loadBalancer: {} },
  };
  return [service, pod];
}
