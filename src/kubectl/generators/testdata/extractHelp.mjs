// Captures `kubectl <command> -h` for every generator command into ../helpText.json,
// split into description, examples, options (with type and default) and usage, so the
// argv parser and `-h` output can be driven from data. Run by update.sh.
// Flag types come from the default's shape; list flags need the Go type from upstream
// (StringSlice splits on commas, StringArray does not), listed in ARRAY_FLAGS.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export const COMMANDS = [
  'create deployment', 'create service clusterip', 'create service nodeport', 'create service loadbalancer',
  'create service externalname', 'create configmap', 'create secret generic', 'create secret docker-registry',
  'create secret tls', 'create job', 'create cronjob', 'create namespace', 'create serviceaccount', 'create role',
  'create clusterrole', 'create rolebinding', 'create clusterrolebinding', 'create quota', 'create poddisruptionbudget',
  'create ingress', 'create priorityclass', 'create token', 'run', 'expose',
];

// StringArray flags (no comma splitting), per upstream kubectl cmd/create/*.go, run.go, expose.go.
const ARRAY_FLAGS = new Set(['from-literal', 'resource-name', 'user', 'group', 'serviceaccount', 'rule', 'annotation', 'env', 'annotations', 'audience']);
// Flags whose Go type is a map (cliflag.MapStringString), shown with an empty default.
const MAP_FLAGS = new Set(['aggregation-rule']);

function flagType(name, def) {
  if (MAP_FLAGS.has(name)) return 'map';
  if (def === '[]') return ARRAY_FLAGS.has(name) ? 'stringArray' : 'stringSlice';
  if (def === 'true' || def === 'false') return 'bool';
  if (/^-?\d+$/.test(def)) return 'int';
  if (/^-?[\d.]+(ns|us|ms|s|m|h)+/.test(def)) return 'duration';
  return 'string';
}

function parseDefault(type, def) {
  if (type === 'stringArray' || type === 'stringSlice') return [];
  if (type === 'bool') return def === 'true';
  if (type === 'int') return Number(def);
  if (type === 'map') return {};
  return def.replace(/^'(.*)'$/s, '$1');
}

function parse(command, text) {
  const sections = text.split(/\n(?=Examples:\n|Options:\n|Usage:\n|Available Commands:\n)/);
  const out = { command, description: sections[0].trimEnd(), examples: '', options: [], usage: '' };
  for (const s of sections.slice(1)) {
    if (s.startsWith('Examples:')) out.examples = s.slice('Examples:\n'.length).trimEnd();
    if (s.startsWith('Usage:')) out.usage = s.split('\n')[1].trim();
    if (s.startsWith('Options:')) {
      const re = /^ {4}(?:-(\w), )?--([\w-]+)=(.*):\n\t(.*)$/gm;
      for (const m of s.matchAll(re)) {
        const [, shorthand, name, def, help] = m;
        const type = flagType(name, def);
        out.options.push({ name, ...(shorthand ? { shorthand } : {}), type, default: parseDefault(type, def), help });
      }
    }
  }
  return out;
}

const table = {};
for (const command of COMMANDS) {
  const text = execFileSync('kubectl', [...command.split(' '), '-h'], { encoding: 'utf8' });
  table[command] = parse(command, text);
}
writeFileSync(new URL('../helpText.json', import.meta.url), JSON.stringify(table, null, 2) + '\n');
console.log(`wrote helpText.json (${COMMANDS.length} commands)`);
