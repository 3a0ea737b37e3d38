/**
 * The verb table: every kubectl command, in the order `kubectl --help` groups them
 * (that order also decides "Did you mean this?" suggestions).
 */
import type { KubectlCommand } from '../command.ts';
import { apply } from './apply/apply.ts';
import { autoscale } from './autoscale.ts';
import { create } from './create/create.ts';
import { del } from './delete/delete.ts';
import { expose } from './expose.ts';
import { get } from './get.ts';
import { describe } from './describe.ts';
import { logs } from './logs.ts';
import { exec } from './exec.ts';
import { scale } from './scale.ts';
import { label } from './label.ts';
import { annotate } from './annotate.ts';
import { patch } from './patch.ts';
import { rollout } from './rollout/rollout.ts';
import { set } from './set/set.ts';
import { wait } from './wait.ts';
import { events } from './events.ts';
import { edit } from './edit.ts';
import { cp } from './cp.ts';
import { portForward } from './portForward.ts';
import { notInPlayground } from './notInPlayground.ts';
import { cordon } from './nodes/cordon.ts';
import { uncordon } from './nodes/uncordon.ts';
import { drain } from './nodes/drain.ts';
import { taint } from './nodes/taint.ts';
import { apiResources } from './discovery/apiResources.ts';
import { apiVersions } from './discovery/apiVersions.ts';
import { clusterInfo } from './discovery/clusterInfo.ts';
import { version } from './discovery/version.ts';
import { config } from './config/config.ts';
import { auth } from './auth/auth.ts';
import { options } from './misc/options.ts';
import { completion } from './misc/completion.ts';
import { top } from './misc/top.ts';
import { explain } from './misc/explainCmd.ts';
import { replace } from './replace.ts';
import { run } from './run.ts';
import { certificate } from './misc/certificate.ts';
import { plugin } from './misc/plugin.ts';

export const COMMANDS: KubectlCommand[] = [
  // Basic Commands (Beginner)
  create,
  expose,
  run,
  set,
  // Basic Commands (Intermediate)
  explain,
  get,
  edit,
  del,
  // Deploy Commands
  rollout,
  scale,
  autoscale,
  // Cluster Management Commands
  certificate,
  clusterInfo,
  top,
  cordon,
  uncordon,
  drain,
  taint,
  // Troubleshooting and Debugging Commands
  describe,
  logs,
  notInPlayground('attach', 'Attach to a running container'),
  exec,
  portForward,
  notInPlayground('proxy', 'Run a proxy to the Kubernetes API server'),
  cp,
  auth,
  notInPlayground('debug', 'Create debugging sessions for troubleshooting workloads and nodes'),
  events,
  // Advanced Commands
  notInPlayground('diff', 'Diff the live version against a would-be applied version'),
  apply,
  patch,
  replace,
  wait,
  notInPlayground('kustomize', 'Build a kustomization target from a directory or URL'),
  // Settings Commands
  label,
  annotate,
  completion,
  // Other Commands
  apiResources,
  apiVersions,
  config,
  plugin,
  version,
  options,
];
