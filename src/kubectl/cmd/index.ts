/**
 * The verb table: every kubectl command, in the order `kubectl --help` groups them
 * (that order also decides "Did you mean this?" suggestions).
 */
import type { KubectlCommand } from '../command.ts';
import { apply } from './apply/apply.ts';
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
import { notInPlayground } from './notInPlayground.ts';
import { cordon } from './nodes/cordon.ts';
import { uncordon } from './nodes/uncordon.ts';
import { drain } from './nodes/drain.ts';
import { taint } from './nodes/taint.ts';
import { replace } from './replace.ts';
import { run } from './run.ts';

export const COMMANDS: KubectlCommand[] = [
  // Basic Commands (Beginner)
  create,
  expose,
  run,
  set,
  // Basic Commands (Intermediate)
  notInPlayground('explain', 'Get documentation for a resource'),
  get,
  notInPlayground('edit', 'Edit a resource on the server'),
  del,
  // Deploy Commands
  rollout,
  scale,
  notInPlayground('autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller'),
  // Cluster Management Commands
  notInPlayground('certificate', 'Modify certificate resources'),
  notInPlayground('cluster-info', 'Display cluster information'),
  notInPlayground('top', 'Display resource (CPU/memory) usage'),
  cordon,
  uncordon,
  drain,
  taint,
  // Troubleshooting and Debugging Commands
  describe,
  logs,
  notInPlayground('attach', 'Attach to a running container'),
  exec,
  notInPlayground('port-forward', 'Forward one or more local ports to a pod'),
  notInPlayground('proxy', 'Run a proxy to the Kubernetes API server'),
  notInPlayground('cp', 'Copy files and directories to and from containers'),
  notInPlayground('auth', 'Inspect authorization'),
  notInPlayground('debug', 'Create debugging sessions for troubleshooting workloads and nodes'),
  notInPlayground('events', 'List events'),
  // Advanced Commands
  notInPlayground('diff', 'Diff the live version against a would-be applied version'),
  apply,
  patch,
  replace,
  notInPlayground('wait', 'Experimental: Wait for a specific condition on one or many resources'),
  notInPlayground('kustomize', 'Build a kustomization target from a directory or URL'),
  // Settings Commands
  label,
  annotate,
  notInPlayground('completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'),
  // Other Commands
  notInPlayground('api-resources', 'Print the supported API resources on the server'),
  notInPlayground('api-versions', 'Print the supported API versions on the server, in the form of "group/version"'),
  notInPlayground('config', 'Modify kubeconfig files'),
  notInPlayground('plugin', 'Provides utilities for interacting with plugins'),
  notInPlayground('version', 'Print the client and server version information'),
  notInPlayground('options', 'Print the list of flags inherited by all commands'),
];
