/**
 * Client: the only door to the API server for controllers, kubelets, kubectl and tests.
 *
 * This is the in-process transport: calls go straight to the ApiServer's REST logic with
 * the caller's identity and field manager, and return the server's (frozen) objects.
 * Clone before changing what you get back (see `thaw`).
 */
import { internalError, isStatusError } from '../api/status.ts';
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
import { authorizeRequest, resourceAttributes } from '../apiserver/authorization/authorize.ts';
import { checkEscalation } from '../apiserver/authorization/escalation.ts';
import { requestToken } from '../apiserver/authentication/tokenRequest.ts';

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
export const JOBS: ResourceRef = { group: 'batch', resource: 'jobs' };
export const CRONJOBS: ResourceRef = { group: 'batch', resource: 'cronjobs' };
export const PERSISTENTVOLUMES: ResourceRef = { group: '', resource: 'persistentvolumes' };
export const PERSISTENTVOLUMECLAIMS: ResourceRef = { group: '', resource: 'persistentvolumeclaims' };
export const STORAGECLASSES: ResourceRef = { group: 'storage.k8s.io', resource: 'storageclasses' };

/**
 * Client talks to one ApiServer as one user with one default field manager.
 *
 * Components (controllers, kubelets, the scheduler) are trusted in-process callers and skip
 * authorization, as if they were in system:masters. A client made with `asUser` (kubectl's)
 * is authorized on every request, the way kube-apiserver's WithAuthorization filter does.
 */
export class Client {
  constructor(
    readonly server: ApiServer,
    readonly user?: UserInfo,
    readonly fieldManager?: string,
    /** authorized: every request is checked by the server's authorizer (RBAC). */
    readonly authorized = false,
  ) {}

  /** withManager returns a client that writes under another field manager. */
  withManager(fieldManager: string): Client {
    return new Client(this.server, this.user, fieldManager, this.authorized);
  }

  /** asUser returns a client that acts as `user` and is subject to authorization (kubectl's identity, `--as`). */
  asUser(user: UserInfo): Client {
    return new Client(this.server, user, this.fieldManager, true);
  }

  /**
   * guardEscalation is the RBAC registry's escalation check for user clients: writing a role or
   * binding must not grant what the user does not hold (see authorization/escalation.ts).
   */
  private guardEscalation(def: ResourceDefinition, obj: KubeObject): void {
    if (!this.authorized || !this.user || !this.server.authorizer || def.group !== 'rbac.authorization.k8s.io') return;
    checkEscalation(this.server.authorizer, this.server.store, this.user, def.resource, obj);
  }

  /** dryRun computes what a write would store without consuming the seeded random sequence (UIDs, generated names). */
  private dryRun(write: () => KubeObject): KubeObject {
    const state = this.server.random.getState();
    try {
      return write();
    } finally {
      this.server.random.setState(state);
    }
  }

  /** authorize throws 403 Forbidden when this client's user may not make the request. */
  private authorize(verb: string, def: ResourceDefinition, namespace: string | undefined, name = '', subresource = ''): void {
    if (!this.authorized || !this.user) return;
    authorizeRequest(this.server.authorizer, resourceAttributes(this.user, verb, def, namespace, name, subresource));
  }

  /** discovery lists every served resource (what /api and /apis advertise). */
  discovery(): ResourceDefinition[] {
    return this.server.resources();
  }

  def(ref: ResourceRef): ResourceDefinition {
    return this.server.resource(ref.group, ref.resource);
  }

  get<T extends KubeObject = KubeObject>(ref: ResourceRef, namespace: string, name: string): T {
    const def = this.def(ref);
    this.authorize('get', def, namespace, name);
    return this.server.get(def, namespace, name) as T;
  }

  /** tryGet returns undefined instead of throwing NotFound. */
  tryGet<T extends KubeObject = KubeObject>(ref: ResourceRef, namespace: string, name: string): T | undefined {
    const def = this.def(ref);
    this.authorize('get', def, namespace, name);
    return this.server.find(def, namespace, name) as T | undefined;
  }

  list(ref: ResourceRef, namespace?: string, opts: ListOptions = {}): ObjectList {
    const def = this.def(ref);
    this.authorize('list', def, namespace);
    return this.server.list(def, namespace, opts);
  }

  /** listTable is list with `Accept: ...;as=Table`: the server renders kubectl's columns. */
  listTable(ref: ResourceRef, namespace?: string, opts: ListOptions = {}, includeObject: IncludeObject = 'Metadata'): Table {
    const def = this.def(ref);
    this.authorize('list', def, namespace);
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
    const def = this.def(ref);
    this.authorize('create', def, namespace || obj.metadata?.namespace || 'default');
    if (this.authorized && def.group === 'rbac.authorization.k8s.io') {
      // The check needs the object as it would be stored (defaulted, namespaced): a dry run first.
      this.guardEscalation(def, this.dryRun(() => this.server.create(def, namespace, obj, { ...this.writeOpts(opts), dryRun: true })));
    }
    return this.server.create(def, namespace, obj, this.writeOpts(opts)) as T;
  }

  update<T extends KubeObject = KubeObject>(ref: ResourceRef, obj: KubeObject, opts: WriteOptions = {}): T {
    const m = obj.metadata;
    const def = this.def(ref);
    this.authorize('update', def, m.namespace, m.name);
    if (this.authorized && def.group === 'rbac.authorization.k8s.io') {
      this.guardEscalation(def, this.dryRun(() => this.server.update(def, m.namespace ?? '', m.name ?? '', obj, { ...this.writeOpts(opts), dryRun: true })));
    }
    return this.server.update(def, m.namespace ?? '', m.name ?? '', obj, this.writeOpts(opts)) as T;
  }

  updateStatus<T extends KubeObject = KubeObject>(ref: ResourceRef, obj: KubeObject, opts: WriteOptions = {}): T {
    const m = obj.metadata;
    const def = this.def(ref);
    this.authorize('update', def, m.namespace, m.name, 'status');
    return this.server.update(def, m.namespace ?? '', m.name ?? '', obj, this.writeOpts(opts), 'status') as T;
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
    const def = this.def(ref);
    this.authorize('patch', def, namespace, name, subresource);
    if (this.authorized && def.group === 'rbac.authorization.k8s.io') {
      this.guardEscalation(def, this.dryRun(() => applyPatch(this.server, def, namespace, name, type, patch, { ...this.writeOpts(opts), dryRun: true }, subresource)));
    }
    return applyPatch(this.server, def, namespace, name, type, patch, this.writeOpts(opts), subresource) as T;
  }

  delete(ref: ResourceRef, namespace: string, name: string, opts: DeleteOptions = {}): KubeObject {
    const def = this.def(ref);
    this.authorize('delete', def, namespace, name);
    return deleteObject(this.server, def, namespace, name, { user: this.user, ...opts });
  }

  deleteCollection(ref: ResourceRef, namespace: string | undefined, listOpts: ListOptions, opts: DeleteOptions = {}): KubeObject[] {
    const def = this.def(ref);
    this.authorize('deletecollection', def, namespace);
    return deleteCollection(this.server, def, namespace, listOpts, { user: this.user, ...opts });
  }

  watch(ref: ResourceRef, namespace: string | undefined, opts: ListOptions, handler: (ev: WatchEvent) => void): WatchHandle {
    const def = this.def(ref);
    this.authorize('watch', def, namespace);
    return openWatch(this.server, def, namespace, opts, handler);
  }

  bind(namespace: string, name: string, nodeName: string, opts: WriteOptions = {}): KubeObject {
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace },
      target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
    };
    this.authorize('create', this.def(PODS), namespace, name, 'binding');
    return bindPod(this.server, namespace, name, binding, this.writeOpts(opts));
  }

  evict(namespace: string, name: string, deleteOptions: DeleteOptions = {}, dryRun = false): KubeObject {
    const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace }, deleteOptions };
    this.authorize('create', this.def(PODS), namespace, name, 'eviction');
    return evictPod(this.server, namespace, name, eviction, dryRun);
  }

  getScale(ref: ResourceRef, namespace: string, name: string): KubeObject {
    const def = this.def(ref);
    this.authorize('get', def, namespace, name, 'scale');
    return getScale(this.server, def, namespace, name);
  }

  updateScale(ref: ResourceRef, namespace: string, name: string, scale: KubeObject, opts: WriteOptions = {}): KubeObject {
    const def = this.def(ref);
    this.authorize('update', def, namespace, name, 'scale');
    return updateScale(this.server, def, namespace, name, scale, this.writeOpts(opts));
  }

  /** logs reads a container's log through the node proxy (GET pods/x/log). */
  logs(namespace: string, name: string, opts: PodLogOptions): string {
    this.authorize('get', this.def(PODS), namespace, name, 'log');
    const pod = this.server.get(this.def(PODS), namespace, name);
    return this.nodeProxy().logs(pod, opts);
  }

  /** followLogs streams a container's log (GET pods/x/log?follow=true). */
  followLogs(namespace: string, name: string, opts: PodLogOptions, onText: (text: string) => void): { stop(): void } {
    this.authorize('get', this.def(PODS), namespace, name, 'log');
    const pod = this.server.get(this.def(PODS), namespace, name);
    return this.nodeProxy().followLogs(pod, opts, onText);
  }

  /** exec runs a command in a container (POST pods/x/exec). */
  exec(namespace: string, name: string, req: ExecRequest): Promise<number> {
    // v1.32 authorizes exec as `create pods/exec` whether the stream is SPDY (POST) or WebSocket (GET).
    this.authorize('create', this.def(PODS), namespace, name, 'exec');
    const pod = this.server.get(this.def(PODS), namespace, name);
    // A failure the kubelet reports on the stream's error channel (InternalError, not an exit
    // code) reaches the caller as a plain error with its message, as client-go's
    // remotecommand errorDecoderV4 returns it; HTTP failures of the upgrade stay Status errors.
    return this.nodeProxy()
      .exec(pod, req)
      .catch((err: unknown) => {
        throw isStatusError(err) && err.code === 500 ? new Error(err.status.message) : err;
      });
  }

  /** createToken is POST serviceaccounts/NAME/token (a TokenRequest; `kubectl create token`). */
  createToken(namespace: string, name: string, tokenRequest: KubeObject): KubeObject {
    this.authorize('create', this.def(SERVICEACCOUNTS), namespace, name, 'token');
    return requestToken(this.server, namespace, name, tokenRequest);
  }

  private nodeProxy(): NodeProxy {
    if (!this.server.nodeProxy) throw internalError('no kubelet is reachable');
    return this.server.nodeProxy;
  }

  private writeOpts<T extends WriteOptions>(opts: T): T {
    return { user: this.user, fieldManager: this.fieldManager, ...opts };
  }
}
