#!/usr/bin/env node
// Captures the real kubectl's `-h` text for every command we emulate into
// src/kubectl/help/help.json, so our `kubectl X -h` prints what kubectl v1.32 prints.
// Needs the real kubectl on PATH (offline is fine: help needs no server). Run by hand
// when upgrading the emulated version; the JSON is committed.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const commands = [
  [], ['get'], ['describe'], ['apply'], ['create'], ['run'], ['expose'], ['delete'], ['replace'], ['patch'], ['edit'],
  ['scale'], ['autoscale'], ['rollout'], ['rollout', 'status'], ['rollout', 'history'], ['rollout', 'undo'],
  ['rollout', 'restart'], ['rollout', 'pause'], ['rollout', 'resume'], ['set'], ['set', 'image'], ['set', 'env'],
  ['set', 'resources'], ['set', 'selector'], ['set', 'serviceaccount'], ['label'], ['annotate'], ['logs'], ['exec'], ['cp'], ['port-forward'],
  ['cordon'], ['uncordon'], ['drain'], ['taint'], ['wait'], ['explain'], ['api-resources'], ['api-versions'],
  ['cluster-info'], ['version'], ['config'], ['config', 'view'], ['config', 'current-context'], ['config', 'get-contexts'],
  ['config', 'use-context'], ['config', 'set-context'], ['config', 'get-clusters'], ['config', 'get-users'], ['config', 'set'],
  ['config', 'unset'], ['config', 'rename-context'], ['config', 'delete-context'], ['events'], ['top'], ['top', 'pod'], ['top', 'node'],
  ['auth'], ['auth', 'can-i'], ['auth', 'whoami'], ['options'], ['attach'], ['diff'], ['kustomize'], ['proxy'], ['certificate'], ['completion'],
  ['plugin'], ['debug'], ['create', 'deployment'], ['create', 'service'], ['create', 'service', 'clusterip'], ['create', 'service', 'nodeport'],
  ['create', 'service', 'loadbalancer'], ['create', 'service', 'externalname'], ['create', 'configmap'], ['create', 'secret'],
  ['create', 'secret', 'generic'], ['create', 'secret', 'docker-registry'], ['create', 'secret', 'tls'], ['create', 'job'],
  ['create', 'cronjob'], ['create', 'namespace'], ['create', 'serviceaccount'], ['create', 'role'], ['create', 'clusterrole'],
  ['create', 'rolebinding'], ['create', 'clusterrolebinding'], ['create', 'quota'], ['create', 'poddisruptionbudget'],
  ['create', 'ingress'], ['create', 'priorityclass'], ['create', 'token'],
  ['apply', 'edit-last-applied'], ['apply', 'set-last-applied'], ['apply', 'view-last-applied'], ['set', 'subject'],
  ['cluster-info', 'dump'], ['config', 'delete-cluster'], ['config', 'delete-user'], ['config', 'set-cluster'],
  ['config', 'set-credentials'], ['auth', 'reconcile'], ['certificate', 'approve'], ['certificate', 'deny'], ['plugin', 'list'], ['help'],
];
const out = {};
for (const c of commands) {
  try {
    // `kubectl options -h` prints nothing; `kubectl options` prints the global flags.
    out[c.join(' ')] = execFileSync('kubectl', c[0] === 'options' ? ['options'] : [...c, '-h'], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });
  } catch (err) {
    console.error(`kubectl ${c.join(' ')} -h failed: ${err.message}`);
  }
}
writeFileSync(new URL('../src/kubectl/help/help.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`captured ${Object.keys(out).length} help texts`);
