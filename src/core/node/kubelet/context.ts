/**
 * KubeletContext is what the pod worker, termination and exec code share of one kubelet:
 * its node identity, clock, API client, event recorder, image manager, runtime deps and the
 * way to ask for a pod to be synced again.
 */
import type { Pod } from '../../api/types.ts';
import type { Client } from '../../client/client.ts';
import type { Clock } from '../../sim/clock.ts';
import type { Random } from '../../sim/random.ts';
import type { ContainerProcess } from '../runtime/process.ts';
import type { ExecCommand } from '../runtime/types.ts';
import type { ShellRunner } from '../runtime/shellRunner.ts';
import type { EnvLookup } from './env.ts';
import type { ImageManager } from './imageManager.ts';
import type { VolumeHost } from './volumes.ts';

/** PodEventRecorder records events on pods (typed Pod or generic object). */
export interface PodEventRecorder {
  normal(obj: object, reason: string, message: string, fieldPath?: string): void;
  warning(obj: object, reason: string, message: string, fieldPath?: string): void;
}

/**
 * PodNetworkHooks is what the kubelet tells the network layer (`cluster.services.get('network')`):
 * which running containers answer at which IP, and the pod's resolv.conf.
 */
export interface PodNetworkHooks {
  attach?(ip: string, podUID: string, container: string, endpoint: ContainerProcess): void;
  detach?(podUID: string, container?: string): void;
  resolvConf?(id: { kind: 'pod'; namespace: string; podName: string; podIP: string; nodeName?: string }): { nameserver: string; search: string[]; ndots: number };
}

/** KubeletContext is a kubelet's shared state for its helpers. */
export interface KubeletContext {
  nodeName: string;
  nodeIP: string;
  cpus: number;
  clock: Clock;
  random: Random;
  client: Client;
  recorder: PodEventRecorder;
  images: ImageManager;
  shell: ShellRunner;
  lookup: EnvLookup & VolumeHost;
  network?: PodNetworkHooks;
  /** podTools returns the network clients (curl, wget, nslookup) for a pod's network namespace. */
  podTools?(pod: { namespace: string; podName: string; podIP: string; nodeName: string }, flavor: 'busybox' | 'busybox-1.28' | 'debian'): Record<string, ExecCommand>;
  clusterDomain: string;
  /** podIP gives the pod its address (network layer or the node's allocator). */
  podIP(pod: Pod): string;
  releasePodIP(uid: string): void;
  /** enqueue syncs the pod (key "ns/name") now; wake at a later virtual time. */
  enqueue(key: string): void;
  wake(key: string, atMs: number): void;
}

/** SANDBOX_MS is how long RunPodSandbox takes (pause container + CNI ADD). */
export const SANDBOX_MS = 1000;
/** CREATE_MS is how long CreateContainer takes before StartContainer. */
export const CREATE_MS = 150;

/** podDisplayName is format.Pod: `name_namespace(uid)`, used in back-off messages. */
export function podDisplayName(pod: Pod): string {
  return `${pod.metadata!.name}_${pod.metadata!.namespace}(${pod.metadata!.uid})`;
}

/** fieldPathOf is the event fieldPath of a container: `spec.containers{web}`. */
export function fieldPathOf(name: string, init: boolean): string {
  return `spec.${init ? 'initContainers' : 'containers'}{${name}}`;
}
