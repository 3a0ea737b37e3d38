/**
 * Client: the only door to the API server for controllers, kubelets, kubectl and tests.
 *
 * This is the in-process transport: calls go straight to the ApiServer's REST logic with
 * the caller's identity and field manager, and return the server's (frozen) objects.
 * Clone before changing what you get back (see `thaw`).
 */
import { internalError } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import type { Table } from '../api/table.ts';
import { tableDefinitionFor, toTable, type IncludeObject } from '../apiserver/tables/index.ts';
import type { ExecRequest, NodeProxy, PodLogOptions } from '../apiserver/nodeProxy.ts';
import type { ApiServer, ListOptions, ObjectList, WriteOptions } from '../apiserver/apiserver.ts';
import type { UserInfo } from '../apiserver/admission.ts';
import { deleteCollection, deleteObject, type DeleteOptions } from '../apiserver/deletion.ts';
import { applyPatch, type PatchType } from '../apiserver/patch.ts';
import type { ResourceDefinition } from '../apiserver/resource.ts';
import { bindPod, evictPod, getScale, updateScale } from '../apiserver/subresources.ts';
import { openWatch, type WatchEvent, type WatchHandle } from '../apiserver/watch.ts';

export type { ResourceDefinition } from '../apiserver/resource.ts';
export type { ListOptions, ObjectList, WriteOptions } from '../apiserver/apiserver.ts';
export type { DeleteOptions } from '../apiserver/deletion.ts';
export type { PatchType } from '../apiserver/patch.ts';
export type { WatchEvent, WatchHandle } from '../apiserver/watch.ts';
export type { PodLogOptions, ExecRequest } from '../apiserver/nodeProxy.ts';

/** ResourceRef names a resource by group and plural (the version is the served one). */
export interface ResourceRef {
  group: string;
  resource: string;
}

/** Well-known resources, so callers write `client.get(PODS, ns, name)`. */
export const PODS: ResourceRef = { group: '', resource: 'pods' };
export const NODES: ResourceRef = { group: '', resource: 'nodes' };
export const NAMESPACES: ResourceRef = { group: '', resource: 'namespaces' };
export const SERVICES: ResourceRef = { group: '', resource: 'services' };
export const ENDPOINTS: ResourceRef = { group: '', resource: 'endpoints' };
export const CONFIGMAPS: ResourceRef = { group: '', resource: 'configmaps' };
export const SECRETS: ResourceRef = { group: '', resource: 'secrets' };
export const SERVICEACCOUNTS: ResourceRef = { group: '', resource: 'serviceaccounts' };
export const EVENTS: ResourceRef = { group: '', resource: 'events' };
export const DEPLOYMENTS: ResourceRef = { group: 'apps', resource: 'deployments' };
export const REPLICASETS: ResourceRef = { group: 'apps', resource: 'replicasets' };
export const ENDPOINTSLICES: ResourceRef = { group: 'discovery.k8s.io', resource: 'endpointslices' };
export const LEASES: ResourceRef = { group: 'coordination.k8s.io', resource: 'leases' };

/** Client talks to one ApiServer as one user with one default field manager. */
export class Client {
  constructor(
    readonly server: ApiServer,
    readonly user?: UserInfo,
    readonly fieldManager?: string,
  ) {}

  /** withManager returns a client that writes under another field manager. */
  withManager(fieldManager: string): Client {
    return new Client(this.server, this.user, fieldManager);
  }

  /** discovery lists every served resource (what /api and /apis advertise). */
  discovery(): ResourceDefinition[] {
    return this.server.resources();
  }

  def(ref: ResourceRef): ResourceDefinition {
    return this.server.resource(ref.group, ref.resource);
  }

  get<T extends KubeObject = KubeObject>(ref: ResourceRef, namespace: string, name: string): T {
    return this.server.get(this.def(ref), namespace, name) as T;
  }

  /** tryGet returns undefined instead of throwing NotFound. */
  tryGet<T extends KubeObject = KubeObject>(ref: ResourceRef, namespace: string, name: string): T | undefined {
    const def = this.def(ref);
    try {
      return this.server.get(def, namespace, name) as T;
    } catch (err) {
      if ((err as { code?: number }).code === 404) return undefined;
      throw err;
    }
  }

  list(ref: ResourceRef, namespace?: string, opts: ListOptions = {}): ObjectList {
    return this.server.list(this.def(ref), namespace, opts);
  }

  /** listTable is list with `Accept: ...;as=Table`: the server renders kubectl's columns. */
  listTable(ref: ResourceRef, namespace?: string, opts: ListOptions = {}, includeObject: IncludeObject = 'Metadata'): Table {
    const def = this.def(ref);
    const list = this.server.list(def, namespace, opts);
    return toTable(tableDefinitionFor(def.group, def.resource), list.items, this.server.clock.now(), {
      includeObject,
      resourceVersion: list.metadata.resourceVersion,
    });
  }

  /** tableOf renders given objects of one resource as the server's Table. */
  tableOf(ref: ResourceRef, objects: readonly KubeObject[], includeObject: IncludeObject = 'Metadata'): Table {
    const def = this.def(ref);
    return toTable(tableDefinitionFor(def.group, def.resource), objects, this.server.clock.now(), { includeObject });
  }

  create<T extends KubeObject = KubeObject>(ref: ResourceRef, namespace: string, obj: KubeObject, opts: WriteOptions = {}): T {
    return this.server.create(this.def(ref), namespace, obj, this.writeOpts(opts)) as T;
  }

  update<T extends KubeObject = KubeObject>(ref: ResourceRef, obj: KubeObject, opts: WriteOptions = {}): T {
    const m = obj.metadata;
    return this.server.update(this.def(ref), m.namespace ?? '', m.name ?? '', obj, this.writeOpts(opts)) as T;
  }

  updateStatus<T extends KubeObject = KubeObject>(ref: ResourceRef, obj: KubeObject, opts: WriteOptions = {}): T {
    const m = obj.metadata;
    return this.server.update(this.def(ref), m.namespace ?? '', m.name ?? '', obj, this.writeOpts(opts), 'status') as T;
  }

  patch<T extends KubeObject = KubeObject>(
    ref: ResourceRef,
    namespace: string,
    name: string,
    type: PatchType,
    patch: unknown,
    opts: WriteOptions & { force?: boolean } = {},
    subresource = '',
  ): T {
    return applyPatch(this.server, this.def(ref), namespace, name, type, patch, this.writeOpts(opts), subresource) as T;
  }

  delete(ref: ResourceRef, namespace: string, name: string, opts: DeleteOptions = {}): KubeObject {
    return deleteObject(this.server, this.def(ref), namespace, name, { user: this.user, ...opts });
  }

  deleteCollection(ref: ResourceRef, namespace: string | undefined, listOpts: ListOptions, opts: DeleteOptions = {}): KubeObject[] {
    return deleteCollection(this.server, this.def(ref), namespace, listOpts, { user: this.user, ...opts });
  }

  watch(ref: ResourceRef, namespace: string | undefined, opts: ListOptions, handler: (ev: WatchEvent) => void): WatchHandle {
    return openWatch(this.server, this.def(ref), namespace, opts, handler);
  }

  bind(namespace: string, name: string, nodeName: string, opts: WriteOptions = {}): KubeObject {
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace },
      target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
    };
    return bindPod(this.server, namespace, name, binding, this.writeOpts(opts));
  }

  evict(namespace: string, name: string, deleteOptions: DeleteOptions = {}, dryRun = false): KubeObject {
    const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace }, deleteOptions };
    return evictPod(this.server, namespace, name, eviction, dryRun);
  }

  getScale(ref: ResourceRef, namespace: string, name: string): KubeObject {
    return getScale(this.server, this.def(ref), namespace, name);
  }

  updateScale(ref: ResourceRef, namespace: string, name: string, scale: KubeObject, opts: WriteOptions = {}): KubeObject {
    return updateScale(this.server, this.def(ref), namespace, name, scale, this.writeOpts(opts));
  }

  /** logs reads a container's log through the node proxy (GET pods/x/log). */
  logs(namespace: string, name: string, opts: PodLogOptions): string {
    const pod = this.get(PODS, namespace, name);
    return this.nodeProxy().logs(pod, opts);
  }

  /** followLogs streams a container's log (GET pods/x/log?follow=true). */
  followLogs(namespace: string, name: string, opts: PodLogOptions, onText: (text: string) => void): { stop(): void } {
    const pod = this.get(PODS, namespace, name);
    return this.nodeProxy().followLogs(pod, opts, onText);
  }

  /** exec runs a command in a container (POST pods/x/exec). */
  exec(namespace: string, name: string, req: ExecRequest): Promise<number> {
    const pod = this.get(PODS, namespace, name);
    return this.nodeProxy().exec(pod, req);
  }

  private nodeProxy(): NodeProxy {
    if (!this.server.nodeProxy) throw internalError('no kubelet is reachable');
    return this.server.nodeProxy;
  }

  private writeOpts<T extends WriteOptions>(opts: T): T {
    return { user: this.user, fieldManager: this.fieldManager, ...opts };
  }
}
