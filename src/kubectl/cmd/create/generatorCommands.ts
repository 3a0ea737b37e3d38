/**
 * The `kubectl create <generator>` subcommands (staging/src/k8s.io/kubectl/pkg/cmd/create/
 * create_*.go): each builds its object with a pure generator, then either prints it
 * (--dry-run=client) or POSTs it with the kubectl-create field manager, exactly like the
 * typed clients the real subcommands use. A kind this cluster does not serve yet answers
 * like a server without that API: a bare 404.
 */
import { isStatusError } from '../../../core/api/status.ts';
import type { KubeObject } from '../../../core/api/types.ts';
import type { Invocation, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../errors.ts';
import * as g from '../../generators/index.ts';
import { helpText } from '../../help/index.ts';
import { checkOutput, dryRunOf, printWritten, unservedResource, withLastApplied } from '../objectWrites.ts';
import { dashArgs, generatorContext, generatorFlagDefs, generatorFlags, klogPrefix, positionalArgs } from './generatorFlags.ts';

type Generate = (inv: Invocation, flags: never, ctx: g.GeneratorContext) => g.GeneratedObject;

/** GENERATORS maps each subcommand path to its generator call. */
const GENERATORS: Record<string, Generate> = {
  'create deployment': (inv, f, c) => g.generateDeployment(positionalArgs(inv), { ...(f as object), command: dashArgs(inv) }, c),
  'create service clusterip': (inv, f, c) => g.generateService('ClusterIP', positionalArgs(inv), f, c),
  'create service nodeport': (inv, f, c) => g.generateService('NodePort', positionalArgs(inv), f, c),
  'create service loadbalancer': (inv, f, c) => g.generateService('LoadBalancer', positionalArgs(inv), f, c),
  'create service externalname': (inv, f, c) => g.generateService('ExternalName', positionalArgs(inv), f, c),
  'create configmap': (inv, f, c) => g.generateConfigMap(positionalArgs(inv), f, c),
  'create secret generic': (inv, f, c) => g.generateSecretGeneric(positionalArgs(inv), f, c),
  'create secret docker-registry': (inv, f, c) => g.generateSecretDockerRegistry(positionalArgs(inv), f, c),
  'create secret tls': (inv, f, c) => g.generateSecretTLS(positionalArgs(inv), f, c),
  'create job': (inv, f, c) => g.generateJob(positionalArgs(inv), { ...(f as object), command: dashArgs(inv) }, c),
  'create cronjob': (inv, f, c) => g.generateCronJob(positionalArgs(inv), { ...(f as object), command: dashArgs(inv) }, c),
  'create namespace': (inv, _f, c) => g.generateNamespace(positionalArgs(inv), {}, c),
  'create serviceaccount': (inv, _f, c) => g.generateServiceAccount(positionalArgs(inv), {}, c),
  'create role': (inv, f, c) => g.generateRole(positionalArgs(inv), f, c),
  'create clusterrole': (inv, f, c) => g.generateClusterRole(positionalArgs(inv), f, c),
  'create rolebinding': (inv, f, c) => g.generateRoleBinding(positionalArgs(inv), f, c),
  'create clusterrolebinding': (inv, f, c) => g.generateClusterRoleBinding(positionalArgs(inv), f, c),
  'create quota': (inv, f, c) => g.generateQuota(positionalArgs(inv), f, c),
  'create poddisruptionbudget': (inv, f, c) => g.generatePodDisruptionBudget(positionalArgs(inv), f, c),
  'create ingress': (inv, f, c) => g.generateIngress(positionalArgs(inv), f, c),
  'create priorityclass': (inv, f, c) => g.generatePriorityClass(positionalArgs(inv), f, c),
  'create token': (inv, f, c) => g.generateTokenRequest(positionalArgs(inv), f, c),
};

/**
 * FAILURE_PREFIX is how each create_*.go wraps the server's error (`fmt.Errorf("failed to
 * create deployment: %v", err)`), which turns it into a plain `error: ...` line. Namespace,
 * role and clusterrole return the server error as is; secrets forgot the colon.
 */
const FAILURE_PREFIX: Record<string, string> = {
  'create deployment': 'failed to create deployment: ',
  'create service clusterip': 'failed to create ClusterIP service: ',
  'create service nodeport': 'failed to create NodePort service: ',
  'create service loadbalancer': 'failed to create LoadBalancer service: ',
  'create service externalname': 'failed to create ExternalName service: ',
  'create configmap': 'failed to create configmap: ',
  'create secret generic': 'failed to create secret ',
  'create secret docker-registry': 'failed to create secret ',
  'create secret tls': 'failed to create secret ',
  'create job': 'failed to create job: ',
  'create cronjob': 'failed to create cronjob: ',
  'create serviceaccount': 'failed to create serviceaccount: ',
  'create rolebinding': 'failed to create rolebinding: ',
  'create clusterrolebinding': 'failed to create clusterrolebinding: ',
  'create quota': 'failed to create quota: ',
  'create poddisruptionbudget': 'failed to create poddisruptionbudgets: ',
  'create ingress': 'failed to create ingress: ',
  'create priorityclass': 'failed to create priorityclass: ',
  'create token': 'failed to create token: ',
};

/** shortOf is the first line of a command's real help, its one-line summary. */
function shortOf(path: string): string {
  return (helpText(path) ?? '').split('\n')[0].trim();
}

/** aliasesOf reads the "Aliases:" section of the real help ("deployment, deploy"). */
function aliasesOf(path: string): string[] {
  const m = /\nAliases:\n(.*)\n/.exec(helpText(path) ?? '');
  return m ? m[1].split(',').map((s) => s.trim()).slice(1) : [];
}

/** generatorCommand builds the KubectlCommand of one generator path. */
function generatorCommand(path: string): KubectlCommand {
  const words = path.split(' ');
  return {
    name: words[words.length - 1],
    aliases: aliasesOf(path),
    short: shortOf(path),
    flags: generatorFlagDefs(path),
    run: (inv) => runGenerator(inv, path),
  };
}

/** parentCommand is a command like `create secret` that only groups subcommands. */
function parentCommand(path: string, children: string[]): KubectlCommand {
  return {
    name: path.split(' ').pop() ?? '',
    aliases: aliasesOf(path),
    short: shortOf(path),
    subcommands: children.map((c) => generatorCommand(`${path} ${c}`)),
  };
}

/** createSubcommands lists the subcommands of `kubectl create`, in `kubectl create -h` order. */
export function createSubcommands(): KubectlCommand[] {
  return [
    generatorCommand('create clusterrole'),
    generatorCommand('create clusterrolebinding'),
    generatorCommand('create configmap'),
    generatorCommand('create cronjob'),
    generatorCommand('create deployment'),
    generatorCommand('create ingress'),
    generatorCommand('create job'),
    generatorCommand('create namespace'),
    generatorCommand('create poddisruptionbudget'),
    generatorCommand('create priorityclass'),
    generatorCommand('create quota'),
    generatorCommand('create role'),
    generatorCommand('create rolebinding'),
    parentCommand('create secret', ['docker-registry', 'generic', 'tls']),
    parentCommand('create service', ['clusterip', 'externalname', 'loadbalancer', 'nodeport']),
    generatorCommand('create serviceaccount'),
    generatorCommand('create token'),
  ];
}

async function runGenerator(inv: Invocation, path: string): Promise<number> {
  const { ctx, flags } = inv;
  let obj: KubeObject;
  try {
    if (path !== 'create token') checkOutput(inv);
    obj = GENERATORS[path](inv, generatorFlags(inv, path) as never, generatorContext(inv)) as KubeObject;
  } catch (err) {
    if (!(err instanceof g.UsageError)) throw err;
    ctx.stderr(g.renderUsageError(err, path, klogPrefix(ctx.now())));
    return 1;
  }
  if (path === 'create token') return createToken(inv, obj);
  const dryRun = dryRunOf(inv);
  if (flags.bool('save-config')) obj = withLastApplied(obj, true);
  const def = inv.mapper.forKind(obj.apiVersion ?? '', obj.kind ?? '');
  if (dryRun === 'client') {
    // kubectl prints what it would send; no request, so the kind need not be served.
    printWritten(inv, def ?? pseudoDef(obj), obj, 'created', dryRun);
    return 0;
  }
  let created: KubeObject;
  try {
    if (!def) throw unservedResource();
    created = ctx.client.create(def, def.namespaced ? inv.namespace : '', obj, {
      fieldManager: flags.string('field-manager') || 'kubectl-create',
      fieldValidation: 'Strict',
      dryRun: dryRun === 'server',
    });
  } catch (err) {
    const prefix = FAILURE_PREFIX[path];
    if (prefix === undefined || !isStatusError(err)) throw err;
    throw new CommandError(`error: ${prefix}${err.status.message}`);
  }
  printWritten(inv, def, created, 'created', dryRun);
  return 0;
}

/** pseudoDef names an object of a kind the server does not serve, for client-side printing only. */
function pseudoDef(obj: KubeObject): Parameters<typeof printWritten>[1] {
  const [group, version] = (obj.apiVersion ?? '').includes('/') ? (obj.apiVersion ?? '').split('/') : ['', obj.apiVersion ?? ''];
  return { group, version, kind: obj.kind ?? '', resource: '', singular: '', shortNames: [], categories: [], namespaced: true, verbs: [], subresources: [], hasStatus: false, generation: false };
}

/**
 * createToken: POST the TokenRequest to serviceaccounts/NAME/token and print status.token
 * (create_token.go). Server errors read `error: failed to create token: <message>`.
 */
function createToken(inv: Invocation, request: KubeObject): number {
  let answered: KubeObject;
  try {
    answered = inv.ctx.client.createToken(inv.namespace, positionalArgs(inv)[0] ?? '', request);
  } catch (err) {
    if (!isStatusError(err)) throw err;
    throw new CommandError(`error: ${FAILURE_PREFIX['create token']}${err.status.message}`);
  }
  inv.ctx.stdout(`${((answered.status ?? {}) as { token?: string }).token ?? ''}\n`);
  return 0;
}
