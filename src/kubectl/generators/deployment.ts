/**
 * `kubectl create deployment NAME --image=image [--replicas=1] [--port=-1] [-- COMMAND args...]`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go: labels and
 * selector `app=NAME`, one container per --image named after the image's basename.
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { UsageError, exactlyOneName, requiredFlagsError } from './usageError.ts';

/** DeploymentFlags are the parsed flags of `create deployment`. */
export interface DeploymentFlags {
  /** --image (StringSlice, required): one container per image. */
  image?: string[];
  /** -r, --replicas (default 1). */
  replicas?: number;
  /** --port (default -1 = no containerPort). */
  port?: number;
  /** Arguments after `--`: the first container's command. */
  command?: string[];
}

/**
 * containerNameFromImage keeps the last path segment without tag or digest and turns '_'
 * into '-' (upstream buildPodSpec + sanitizeAndUniquify).
 */
export function containerNameFromImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0];
  name = name.split('@')[0];
  return name.replaceAll('_', '-');
}

/**
 * generateDeployment builds the apps/v1 Deployment kubectl would create.
 * NOTE: upstream appends a random 5-letter suffix to repeated container names; we append
 * "-2", "-3"... so output stays deterministic.
 */
export function generateDeployment(args: string[], flags: DeploymentFlags, ctx?: GeneratorContext): GeneratedObject {
  const images = flags.image ?? [];
  if (images.length === 0) throw requiredFlagsError(['image']);
  const name = exactlyOneName(args);
  const command = flags.command ?? [];
  if (images.length > 1 && command.length > 0) throw new UsageError('cannot specify multiple --image options and command');
  const port = flags.port ?? -1;
  const labels = { app: name };
  const seen = new Map<string, number>();
  const containers = images.map((image) => {
    let cname = containerNameFromImage(image);
    const count = (seen.get(cname) ?? 0) + 1;
    seen.set(cname, count);
    if (count > 1) cname = `${cname}-${count}`;
    const container: Record<string, unknown> = { name: cname, image };
    if (command.length > 0) container.command = command;
    if (port >= 0) container.ports = [{ containerPort: port }];
    container.resources = {};
    return container;
  });
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: objectMeta(name, ctx, { labels: { ...labels } }),
    spec: {
      replicas: flags.replicas ?? 1,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}
