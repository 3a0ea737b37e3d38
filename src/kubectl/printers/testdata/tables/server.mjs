// A tiny stand-in API server for regenerating table goldens with the real kubectl:
// legacy discovery for v1 (pods, services) and apps/v1 (deployments), and the Tables in
// this folder for every list. Usage: node server.mjs PORT  (update.sh starts and stops it).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const dir = new URL('.', import.meta.url);
const table = (name) => readFileSync(new URL(`${name}.table.json`, dir), 'utf8');
const verbs = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const routes = {
  '/version': { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' },
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }] },
  '/api/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'v1', resources: [
    { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs, shortNames: ['po'], categories: ['all'] },
    { name: 'services', singularName: 'service', namespaced: true, kind: 'Service', verbs, shortNames: ['svc'], categories: ['all'] },
  ] },
  '/apis/apps/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1', resources: [
    { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', verbs, shortNames: ['deploy'], categories: ['all'] },
  ] },
};
createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const list = /\/(pods|services|deployments)$/.exec(path);
  let body;
  const wantsTable = (req.headers.accept ?? '').includes('as=Table');
  if (list && !wantsTable) {
    // Plain JSON lists (for -o yaml/json/jsonpath/...) come from <resource>.list.json.
    body = readFileSync(new URL(`${list[1]}.list.json`, dir), 'utf8');
  } else if (list) {
    const t = JSON.parse(table(list[1]));
    // Namespaced lists only carry that namespace's rows, as a real server would.
    const ns = /\/namespaces\/([^/]+)\//.exec(path)?.[1];
    if (ns) t.rows = t.rows.filter((r) => r.object.metadata.namespace === ns);
    body = JSON.stringify(t);
  } else if (routes[path]) {
    body = JSON.stringify(routes[path]);
  } else {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 }));
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(body);
}).listen(Number(process.argv[2] ?? 18080), '127.0.0.1');
