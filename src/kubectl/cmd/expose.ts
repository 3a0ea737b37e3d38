/**
 * kubectl expose (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go).
 *
 * Reads a pod, service, replication controller, deployment or replica set (by name or
 * -f), builds the Service that selects its pods with the `expose` generator (selector
 * and ports introspected unless given), and POSTs it with the kubectl-expose field
 * manager: "service/web exposed".
 */
import type { KubeObject } from '../../core/api/types.ts';
import type { ResourceDefinition } from '../../core/client/client.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { CommandError } from '../errors.ts';
import { generateExpose, renderUsageError, UsageError } from '../generators/index.ts';
import { readManifests } from '../manifests.ts';
import { parseResourceArgs } from '../resourceArgs.ts';
import { generatorContext, generatorFlags, klogPrefix } from './create/generatorFlags.ts';
import { MISSING_RESOURCE } from './delete/delete.ts';
import { checkOutput, dryRunOf, printWritten, reportErrors, resolveManifest, unservedResource, withLastApplied } from './objectWrites.ts';

/** EXPOSABLE are the kinds expose.go can introspect (its CanBeExposed). */
const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

/** expose is `kubectl expose`. */
export const expose: KubectlCommand = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  run: runExpose,
};

async function runExpose(inv: Invocation): Promise<number> {
  const { ctx, flags } = inv;
  checkOutput(inv);
  const dryRun = dryRunOf(inv);
  const sources: Array<{ def: ResourceDefinition; object: KubeObject }> = [];
  const filenames = flags.strings('filename');
  if (filenames.length > 0) {
    for (const m of readManifests(ctx, filenames, flags.bool('recursive'))) {
      const t = resolveManifest(inv, m);
      sources.push({ def: t.def, object: t.object });
    }
  } else {
    if (inv.args.length === 0) throw new CommandError(`error: ${MISSING_RESOURCE}`);
    for (const req of parseResourceArgs(inv.args, inv.mapper)) {
      if (req.names.length === 0) throw new CommandError('error: resource(s) were provided, but no name was specified');
      for (const name of req.names) sources.push({ def: req.def, object: ctx.client.get(req.def, req.def.namespaced ? inv.namespace : '', name) });
    }
  }
  const errors: unknown[] = [];
  const services = inv.mapper.forKind('v1', 'Service');
  for (const { def, object } of sources) {
    if (!EXPOSABLE.includes(def.kind)) {
      errors.push(new CommandError(`error: cannot expose a ${def.group ? `${def.kind}.${def.group}` : def.kind}`));
      continue;
    }
    let service: KubeObject;
    try {
      service = generateExpose(object, generatorFlags(inv, 'expose'), generatorContext(inv)) as KubeObject;
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      ctx.stderr(renderUsageError(err, 'expose', klogPrefix(ctx.now())));
      return 1;
    }
    if (!services) throw unservedResource();
    try {
      const namespace = object.metadata.namespace || inv.namespace;
      const written =
        dryRun === 'client'
          ? service
          : ctx.client.create(services, namespace, flags.bool('save-config') ? withLastApplied(service, true) : service, { fieldManager: flags.string('field-manager') || 'kubectl-expose', fieldValidation: 'Strict', dryRun: dryRun === 'server' });
      printWritten(inv, services, written, 'exposed', dryRun);
    } catch (err) {
      errors.push(err);
    }
  }
  return reportErrors(inv, errors);
}
