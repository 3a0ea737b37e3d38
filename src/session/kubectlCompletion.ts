/**
 * kubectlCompletion: Tab completion for `kubectl` and `k` in the terminal, in the spirit of
 * kubectl's cobra completions (`__complete`): subcommands, the flags of the current command,
 * resource types, object names of the typed resource in the -n namespace (also TYPE/NAME),
 * -o formats, namespaces after -n, containers after -c, nodes for cordon/drain/taint and
 * contexts for `config use-context`. Returning [] lets the shell fall back to file names.
 */
import type { KubeObject } from '../core/api/types.ts';
import { NAMESPACES, NODES, PODS, type Client, type ResourceDefinition } from '../core/client/client.ts';
import type { KubectlCommand } from '../kubectl/command.ts';
import { COMMANDS } from '../kubectl/cmd/index.ts';
import type { FlagDef } from '../kubectl/flags.ts';
import { GLOBAL_FLAGS, flagsFor } from '../kubectl/help/index.ts';
import { currentContext, type KubeConfig } from '../kubectl/kubeconfig.ts';
import { Mapper } from '../kubectl/mapper.ts';
import type { Completer } from '../shell/types.ts';

/** OUTPUT_FORMATS are the -o values kubectl completes. */
const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'jsonpath=', 'jsonpath-file=', 'jsonpath-as-json='];

/** Verbs whose arguments are nodes. */
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain', 'taint', 'top node']);
/** Verbs whose arguments are pods (or TYPE/NAME). */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp', 'top pod', 'debug']);
/** Verbs whose arguments are contexts. */
const CONTEXT_VERBS = new Set(['config use-context', 'config delete-context', 'config rename-context', 'config set-context', 'config get-contexts']);
/** Verbs whose first argument is a resource type (then names). */
const TYPE_VERBS = new Set([
  'get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'wait', 'autoscale', 'expose', 'explain',
  'rollout status', 'rollout history', 'rollout undo', 'rollout restart', 'rollout pause', 'rollout resume',
  'set image', 'set env', 'set resources', 'set selector', 'set serviceaccount', 'set subject', 'auth can-i',
]);

/** CompletionDeps are what completion reads: the cluster (through the client) and the kubeconfig. */
export interface CompletionDeps {
  client: Client;
  kubeconfig: KubeConfig;
}

interface Parsed {
  command?: KubectlCommand;
  path: string[];
  positionals: string[];
  flags: Map<string, string>;
  /** pendingFlag is the flag whose value the word under the cursor is. */
  pendingFlag?: FlagDef;
}

/** kubectlCompleter builds the shell Completer for kubectl. */
export function kubectlCompleter(deps: CompletionDeps): Completer {
  return ({ argv, word }) => {
    try {
      return complete(deps, argv.slice(1), word);
    } catch {
      return [];
    }
  };
}

function flagDefs(p: Parsed): FlagDef[] {
  const local = p.command ? (p.command.flags ?? flagsFor(p.path.join(' '))) : [];
  return [...local, ...GLOBAL_FLAGS.filter((g) => !local.some((l) => l.name === g.name))];
}

/** parse walks the words before the cursor like the dispatcher: command words, flags and their values, positionals. */
function parse(words: string[]): Parsed {
  const p: Parsed = { path: [], positionals: [], flags: new Map() };
  let commands: KubectlCommand[] | undefined = COMMANDS;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-') && w !== '-') {
      const eq = w.indexOf('=');
      const name = w.replace(/^-+/, '').slice(0, eq < 0 ? undefined : eq - (w.startsWith('--') ? 2 : 1));
      const def = flagDefs(p).find((d) => (w.startsWith('--') ? d.name === name : d.shorthand === name));
      if (!def) continue;
      if (eq >= 0) p.flags.set(def.name, w.slice(eq + 1));
      else if (def.type !== 'bool') {
        if (i + 1 < words.length) p.flags.set(def.name, words[++i]);
        else p.pendingFlag = def;
      } else p.flags.set(def.name, 'true');
      continue;
    }
    const sub: KubectlCommand | undefined = commands?.find((c) => c.name === w || c.aliases?.includes(w));
    if (sub && p.positionals.length === 0) {
      p.command = sub;
      p.path.push(sub.name);
      commands = sub.subcommands;
      continue;
    }
    commands = undefined;
    p.positionals.push(w);
  }
  return p;
}

function complete(deps: CompletionDeps, words: string[], word: string): string[] {
  const p = parse(words);
  const namespace = p.flags.get('namespace') || currentContext(deps.kubeconfig, p.flags.get('context'))?.namespace || 'default';
  // --flag=value: complete the value, keeping the prefix.
  const eq = /^(--?[\w-]+)=(.*)$/.exec(word);
  if (eq && word.startsWith('-')) {
    const name = eq[1].replace(/^-+/, '');
    const def = flagDefs(p).find((d) => (eq[1].startsWith('--') ? d.name === name : d.shorthand === name));
    return def ? flagValues(deps, def, p, namespace).map((v) => `${eq[1]}=${v}`) : [];
  }
  if (p.pendingFlag) return flagValues(deps, p.pendingFlag, p, namespace);
  if (word.startsWith('-')) {
    const defs = flagDefs(p).filter((d) => !d.hidden);
    const long = defs.map((d) => `--${d.name}`);
    return word === '-' ? [...defs.filter((d) => d.shorthand).map((d) => `-${d.shorthand}`), ...long] : long;
  }
  if (!p.command) return COMMANDS.map((c) => c.name);
  if (p.command.subcommands && p.positionals.length === 0) return p.command.subcommands.map((c) => c.name);
  return positionalValues(deps, p, namespace, word);
}

function flagValues(deps: CompletionDeps, def: FlagDef, p: Parsed, namespace: string): string[] {
  switch (def.name) {
    case 'namespace':
      return names(deps.client.list(NAMESPACES).items);
    case 'output':
      return OUTPUT_FORMATS;
    case 'container': {
      const pod = p.positionals.find((a) => !a.includes('/') || a.startsWith('pod/') || a.startsWith('pods/'));
      const podName = pod?.replace(/^pods?\//, '');
      const obj = podName ? deps.client.tryGet(PODS, namespace, podName) : undefined;
      const spec = obj?.spec as { containers?: Array<{ name: string }>; initContainers?: Array<{ name: string }> } | undefined;
      return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].map((c) => c.name);
    }
    case 'context':
      return deps.kubeconfig.contexts.map((c) => c.name);
    case 'cluster':
      return deps.kubeconfig.clusters.map((c) => c.name);
    case 'user':
      return deps.kubeconfig.users.map((u) => u.name);
    default:
      return [];
  }
}

function positionalValues(deps: CompletionDeps, p: Parsed, namespace: string, word: string): string[] {
  const path = p.path.join(' ');
  const mapper = new Mapper(deps.client);
  if (path === 'completion') return p.positionals.length === 0 ? ['bash', 'zsh', 'fish', 'powershell'] : [];
  if (CONTEXT_VERBS.has(path)) return deps.kubeconfig.contexts.map((c) => c.name);
  if (NODE_VERBS.has(path)) {
    if (path === 'taint' && p.positionals.length === 0) return ['nodes', 'node'];
    return names(deps.client.list(NODES).items);
  }
  if (POD_VERBS.has(path)) {
    if (word.includes('/')) return typedNames(deps, mapper, word, namespace);
    return p.positionals.length === 0 ? names(deps.client.list(PODS, namespace).items) : [];
  }
  if (!TYPE_VERBS.has(path)) return [];
  let args = p.positionals;
  if (path === 'auth can-i') {
    if (args.length === 0) return ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
    args = args.slice(1);
  }
  if (word.includes('/')) return typedNames(deps, mapper, word, namespace);
  if (args.length === 0 || path === 'explain') return resourceWords(mapper, word);
  const def = mapper.find(args[0].split(',')[0]);
  if (!def || path === 'auth can-i') return [];
  return objectNames(deps, def, namespace);
}

/** resourceWords are resource plurals (and `a,b` lists), what kubectl completes for a type. */
function resourceWords(mapper: Mapper, word: string): string[] {
  const comma = word.lastIndexOf(',');
  const prefix = comma < 0 ? '' : word.slice(0, comma + 1);
  const plurals = [...new Set(mapper.all().map((d) => d.resource))].sort();
  return plurals.map((r) => prefix + r);
}

/** typedNames completes TYPE/NAME: the type as typed, then the names of that type. */
function typedNames(deps: CompletionDeps, mapper: Mapper, word: string, namespace: string): string[] {
  const type = word.slice(0, word.indexOf('/'));
  const def = mapper.find(type);
  return def ? objectNames(deps, def, namespace).map((n) => `${type}/${n}`) : [];
}

function objectNames(deps: CompletionDeps, def: ResourceDefinition, namespace: string): string[] {
  return names(deps.client.list(def, def.namespaced ? namespace : undefined).items);
}

function names(items: readonly KubeObject[]): string[] {
  return items.map((o) => o.metadata?.name ?? '').filter((n) => n !== '');
}
