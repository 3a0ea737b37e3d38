// A minimal, legacy-format discovery endpoint for the real kubectl, used only by
// update.sh: `kubectl run`, `create role` and `expose` need a RESTMapper even with
// --dry-run=client. Everything else answers 404.
// Usage: node discoveryServer.mjs PORT
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [port] = process.argv.slice(2);
const table = JSON.parse(readFileSync(new URL('./discovery.json', import.meta.url), 'utf8'));
const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function resourceList(group, version) {
  const rows = table[group]?.[version];
  if (!rows) return undefined;
  const resources = [];
  for (const [name, singularName, namespaced, kind, shortNames] of rows) {
    resources.push({ name, singularName, namespaced, kind, verbs, ...(shortNames.length ? { shortNames } : {}) });
    if (name === 'serviceaccounts') resources.push({ name: 'serviceaccounts/token', singularName: '', namespaced: true, group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] });
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function groupList() {
  const groups = Object.keys(table).filter((g) => g !== '').map((name) => {
    const versions = Object.keys(table[name]).map((version) => ({ groupVersion: `${name}/${version}`, version }));
    return { name, versions, preferredVersion: versions[0] };
  });
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const path = (req.url ?? '').split('?')[0];
    let out;
    let m;
    if (req.method !== 'GET') out = undefined;
    else if (path === '/api') out = { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] };
    else if (path === '/apis') out = groupList();
    else if ((m = path.match(/^\/api\/(v1)$/))) out = resourceList('', m[1]);
    else if ((m = path.match(/^\/apis\/([^/]+)\/([^/]+)$/))) out = resourceList(m[1], m[2]);
    if (!out) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(out));
  });
}).listen(Number(port), '127.0.0.1');
