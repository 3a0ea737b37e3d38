/**
 * Test-only stand-in for the lead's argv parser: tokenises a golden command line, splits
 * flags using helpText.json's flag types and calls the matching generator, returning what
 * kubectl would print (stdout, stderr, exit code).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as g from '../index.ts';
import type { GeneratorContext, FlagSpec } from '../index.ts';
import type { KubeObject } from '../../../core/api/types.ts';

const ALIASES: Record<string, string> = { ns: 'namespace', sa: 'serviceaccount', pdb: 'poddisruptionbudget', cm: 'configmap', resourcequota: 'quota', pc: 'priorityclass' };
const GLOBAL: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', default: '', help: '' },
  { name: 'server', type: 'string', default: '', help: '' },
];

/** tokenize splits a shell line honouring single and double quotes. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inToken = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, end);
      i = end;
      inToken = true;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      cur += line.slice(i + 1, end);
      i = end;
      inToken = true;
    } else if (c === ' ') {
      if (inToken) out.push(cur);
      cur = '';
      inToken = false;
    } else {
      cur += c;
      inToken = true;
    }
  }
  if (inToken) out.push(cur);
  return out;
}

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function parseDuration(s: string): number {
  const m = s.match(/^(-?[0-9.]+)(h|m|s)$/);
  if (!m) return Number(s);
  return Number(m[1]) * { h: 3600, m: 60, s: 1 }[m[2] as 'h' | 'm' | 's'];
}

/** runGolden runs one command line through the generators. */
export function runGolden(line: string, dir: string): { stdout: string; stderr: string; exit: number } {
  const argv = tokenize(line).slice(1);
  let path: string[];
  let rest: string[];
  if (argv[0] === 'create') {
    const sub = ALIASES[argv[1]] ?? argv[1];
    if (sub === 'service' || sub === 'secret') {
      path = ['create', sub, argv[2]];
      rest = argv.slice(3);
    } else {
      path = ['create', sub];
      rest = argv.slice(2);
    }
  } else {
    path = [argv[0]];
    rest = argv.slice(1);
  }
  const command = path.join(' ');
  const help = g.generatorHelp[command];
  const specs = [...GLOBAL, ...help.options];
  const flags: Record<string, unknown> = {};
  const positional: string[] = [];
  let afterDash: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const tok = rest[i];
    if (tok === '--') {
      afterDash = rest.slice(i + 1);
      break;
    }
    if (!tok.startsWith('-') || tok === '-') {
      positional.push(tok);
      continue;
    }
    const long = tok.startsWith('--');
    const body = tok.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    const key = eq < 0 ? body : body.slice(0, eq);
    const spec = specs.find((s) => (long ? s.name === key : s.shorthand === key));
    if (!spec) throw new Error(`unknown flag ${tok}`);
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (spec.type === 'bool') value = 'true';
    else value = rest[++i];
    const field = camel(spec.name);
    switch (spec.type) {
      case 'bool':
        flags[field] = value === 'true';
        break;
      case 'int':
        flags[field] = Number(value);
        break;
      case 'duration':
        flags[field + 'Seconds'] = parseDuration(value);
        break;
      case 'stringSlice':
        flags[field] = [...((flags[field] as string[]) ?? []), ...value.split(',')];
        break;
      case 'stringArray':
        flags[field] = [...((flags[field] as string[]) ?? []), value];
        break;
      case 'map':
        flags[field] = Object.fromEntries(value.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
        break;
      default:
        flags[field] = value;
    }
  }
  const warnings: string[] = [];
  const discovery = JSON.parse(readFileSync(join(dir, 'discovery.json'), 'utf8')) as Record<string, Record<string, Array<[string, string, boolean, string, string[]]>>>;
  const ctx: GeneratorContext = {
    namespace: flags.namespace as string | undefined,
    readFile: (p) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p), 'utf8') : undefined),
    warn: (m) => warnings.push(m),
    resolveResource: (resource, group) => {
      for (const [grp, versions] of Object.entries(discovery)) {
        if (group !== '' && grp !== group) continue;
        for (const rows of Object.values(versions)) {
          for (const [plural, singular, , kind, shorts] of rows) {
            if ([plural, singular, kind.toLowerCase(), ...shorts].includes(resource.toLowerCase())) return { group: grp, resource: plural };
          }
        }
      }
      return undefined;
    },
  };
  const f = flags as never;
  try {
    let objects: unknown[];
    switch (command) {
      case 'create deployment': objects = [g.generateDeployment(positional, { ...(f as object), command: afterDash } as never, ctx)]; break;
      case 'create service clusterip': objects = [g.generateService('ClusterIP', positional, f, ctx)]; break;
      case 'create service nodeport': objects = [g.generateService('NodePort', positional, f, ctx)]; break;
      case 'create service loadbalancer': objects = [g.generateService('LoadBalancer', positional, f, ctx)]; break;
      case 'create service externalname': objects = [g.generateService('ExternalName', positional, f, ctx)]; break;
      case 'create configmap': objects = [g.generateConfigMap(positional, f, ctx)]; break;
      case 'create secret generic': objects = [g.generateSecretGeneric(positional, f, ctx)]; break;
      case 'create secret tls': objects = [g.generateSecretTLS(positional, f, ctx)]; break;
      case 'create secret docker-registry': objects = [g.generateSecretDockerRegistry(positional, f, ctx)]; break;
      case 'create job': objects = [g.generateJob(positional, { ...(f as object), command: afterDash }, ctx)]; break;
      case 'create cronjob': objects = [g.generateCronJob(positional, { ...(f as object), command: afterDash }, ctx)]; break;
      case 'create namespace': objects = [g.generateNamespace(positional, {}, ctx)]; break;
      case 'create serviceaccount': objects = [g.generateServiceAccount(positional, {}, ctx)]; break;
      case 'create role': objects = [g.generateRole(positional, f, ctx)]; break;
      case 'create clusterrole': objects = [g.generateClusterRole(positional, f, ctx)]; break;
      case 'create rolebinding': objects = [g.generateRoleBinding(positional, f, ctx)]; break;
      case 'create clusterrolebinding': objects = [g.generateClusterRoleBinding(positional, f, ctx)]; break;
      case 'create quota': objects = [g.generateQuota(positional, f, ctx)]; break;
      case 'create poddisruptionbudget': objects = [g.generatePodDisruptionBudget(positional, f, ctx)]; break;
      case 'create ingress': objects = [g.generateIngress(positional, f, ctx)]; break;
      case 'create priorityclass': objects = [g.generatePriorityClass(positional, f, ctx)]; break;
      case 'create token': objects = [g.generateTokenRequest(positional, f, ctx)]; break;
      case 'run': objects = g.generateRun(positional, { ...(f as object), args: afterDash }, ctx); break;
      case 'expose': {
        const file = (flags.filename as string[])[0];
        const obj = JSON.parse(readFileSync(join(dir, file), 'utf8')) as KubeObject;
        objects = [g.generateExpose(obj, f, ctx)];
        break;
      }
      default:
        throw new Error(`no generator for ${command}`);
    }
    const stderr = warnings.map((w) => w + '\n').join('');
    if (command === 'create token') return { stdout: '', stderr, exit: 0 };
    return { stdout: objects.map((o) => JSON.stringify(o, null, 4) + '\n').join(''), stderr, exit: 0 };
  } catch (err) {
    if (!(err instanceof g.UsageError)) throw err;
    return { stdout: '', stderr: warnings.map((w) => w + '\n').join('') + g.renderUsageError(err, command), exit: 1 };
  }
}
