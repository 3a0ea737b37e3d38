/**
 * The API server: REST semantics over the store for every registered resource.
 *
 * It follows k8s.io/apiserver's generic registry (pkg/registry/generic/registry/store.go):
 * decode and default, admit, fill system fields, validate, store with optimistic
 * concurrency, and answer failures with the same Status a real server returns. It is
 * synchronous: the simulation loop, not the network, decides when effects are observed.
 */
import { deepEqual } from '../api/equality.ts';
import { StatusError, alreadyExists, badRequest, conflict, invalid, methodNotAllowed, notFound, type FieldError } from '../api/status.ts';
import { rfc3339 } from '../api/time.ts';
import { apiVersionOf, type KubeObject } from '../api/types.ts';
import type { Clock } from '../sim/clock.ts';
import type { Random } from '../sim/random.ts';
import { Store, StoreConflict, StoreExists, StoreNotFound } from '../storage/store.ts';
import { deepFreeze, thaw } from '../storage/freeze.ts';
import type { NodeProxy } from './nodeProxy.ts';
import type { AdmissionAttributes, AdmissionPlugin, StorageHook, UserInfo } from './admission.ts';
import { applyGenerateName, fillSystemFields, keepSystemFields, newUID } from './objectMeta.ts';
import { resourceKey, type ResourceDefinition, type StrategyContext } from './resource.ts';
import { compileListFilter, type ListFilter } from './selectors.ts';
import { decodeBody } from './decode.ts';
import { changesNothing, recordCreate, recordUpdateWrite } from './writeOwnership.ts';
import type { ApiSchema } from '../api/schema/index.ts';
import type { Authorizer } from './authorization/attributes.ts';
import type { TokenAuthenticator } from './authentication/tokens.ts';

/** WriteOptions are the query parameters of create/update/patch. */
export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  user?: UserInfo;
  /** appliedConfig is set by a server-side apply that creates the object: its Apply manager owns exactly these fields. */
  appliedConfig?: KubeObject;
}

/** ListOptions are the query parameters of list and watch. */
export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  limit?: number;
}

/** ObjectList is a typed list (PodList, ...). */
export interface ObjectList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: KubeObject[];
}

/** ApiServerOptions wires the server to the rest of the simulation. */
export interface ApiServerOptions {
  store: Store;
  clock: Clock;
  random: Random;
  resources: ResourceDefinition[];
}

export const ADMIN: UserInfo = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** ApiServer serves every registered resource. */
export class ApiServer {
  readonly store: Store;
  readonly clock: Clock;
  readonly random: Random;
  private readonly byKey = new Map<string, ResourceDefinition>();
  private readonly admission: AdmissionPlugin[] = [];
  private readonly hooks = new Map<string, StorageHook[]>();
  readonly strategyContext: StrategyContext;
  /** schema enables decode-time type checks and strict field validation (loaded by the host). */
  schema?: ApiSchema;
  /** nodeProxy reaches kubelets for pods/log and pods/exec (installed by the node layer). */
  nodeProxy?: NodeProxy;
  /** authorizer decides requests of clients that enforce authorization (RBAC, installed by authorization/install.ts). */
  authorizer?: Authorizer;
  /** tokenAuthenticator issues and checks service account tokens (TokenRequest, TokenReview, `kubectl --token`). */
  tokenAuthenticator?: TokenAuthenticator;

  constructor(opts: ApiServerOptions) {
    this.store = opts.store;
    this.clock = opts.clock;
    this.random = opts.random;
    for (const def of opts.resources) this.register(def);
    this.strategyContext = {
      now: () => this.clock.now(),
      isoNow: () => rfc3339(this.clock.now()),
      randomString: (n) => this.random.string(n),
    };
  }

  /** register adds a resource (one registry file each). */
  register(def: ResourceDefinition): void {
    this.byKey.set(`${def.group}/${def.resource}`, def);
  }

  /** addAdmission appends an admission plugin; order is the order of registration. */
  addAdmission(plugin: AdmissionPlugin): void {
    this.admission.push(plugin);
  }

  /** addStorageHook attaches allocation/release logic to a resource. */
  addStorageHook(group: string, resource: string, hook: StorageHook): void {
    const key = `${group}/${resource}`;
    this.hooks.set(key, [...(this.hooks.get(key) ?? []), hook]);
  }

  /** resources lists every served resource, for discovery. */
  resources(): ResourceDefinition[] {
    return [...this.byKey.values()];
  }

  /**
   * serves tells whether a resource is served. Admission plugins ask it on every pod create
   * (is PriorityClass, LimitRange, ResourceQuota served?): a lookup, where resources() builds
   * the whole list.
   */
  serves(group: string, resource: string): boolean {
    return this.byKey.has(`${group}/${resource}`);
  }

  /** resource finds a resource by group and plural name, or throws 404 as the real router does. */
  resource(group: string, resource: string): ResourceDefinition {
    const def = this.byKey.get(`${group}/${resource}`);
    if (!def) throw new StatusError({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'the server could not find the requested resource', reason: 'NotFound', code: 404,
      details: {},
    });
    return def;
  }

  // ---- reads ----------------------------------------------------------------------------

  get(def: ResourceDefinition, namespace: string, name: string): KubeObject {
    // A resource without the verb (bindings are create only) has no such route: 405.
    if (!def.verbs.includes('get')) throw methodNotAllowed();
    const obj = this.find(def, namespace, name);
    if (!obj) throw notFound(def.group, def.resource, name);
    return obj;
  }

  /**
   * find is get without the NotFound error: undefined when the object does not exist. It is
   * the client's tryGet path: "is it there?" is asked on hot paths (event names, leases), and
   * building a StatusError (an Error with its stack trace) only to catch it cost more than the lookup.
   */
  find(def: ResourceDefinition, namespace: string, name: string): KubeObject | undefined {
    if (def.reader) return def.reader.get(def.namespaced ? namespace : '', name);
    const obj = this.store.get(resourceKey(def), def.namespaced ? namespace : '', name);
    return obj && this.fromStore(def, obj);
  }

  /** fromStore renders a stored object as `def` serves it (ResourceDefinition.storedAs), frozen like stored ones. */
  fromStore(def: ResourceDefinition, obj: KubeObject): KubeObject {
    return def.storedAs ? deepFreeze(def.storedAs.fromStored(obj)) : obj;
  }

  /** storeUpdate writes `def`'s object to its storage (converting when shared) and answers in `def`'s shape. */
  storeUpdate(def: ResourceDefinition, obj: KubeObject, resourceVersion: string | undefined): KubeObject {
    if (!def.storedAs) return this.store.update(resourceKey(def), obj, resourceVersion);
    return this.fromStore(def, this.store.update(resourceKey(def), def.storedAs.toStored(obj), resourceVersion));
  }

  list(def: ResourceDefinition, namespace: string | undefined, opts: ListOptions = {}): ObjectList {
    if (!def.verbs.includes('list')) throw methodNotAllowed();
    const filter = this.filterFor(def, opts);
    const { items, revision } = def.reader
      ? { items: def.reader.list(def.namespaced ? namespace || undefined : undefined), revision: this.store.currentRevision() }
      : this.store.list(resourceKey(def), def.namespaced ? namespace : undefined);
    const served = def.storedAs ? items.map((o) => this.fromStore(def, o)) : items;
    const matching = served.filter((o) => filter.matches(o));
    return {
      apiVersion: apiVersionOf(def),
      kind: `${def.kind}List`,
      metadata: { resourceVersion: String(revision) },
      items: opts.limit && opts.limit > 0 ? matching.slice(0, opts.limit) : matching,
    };
  }

  /** filterFor compiles label and field selectors, failing like the real list handler. */
  filterFor(def: ResourceDefinition, opts: ListOptions): ListFilter {
    return compileListFilter(def, opts.labelSelector ?? '', opts.fieldSelector ?? '');
  }

  // ---- create ---------------------------------------------------------------------------

  create(def: ResourceDefinition, namespace: string, body: KubeObject, opts: WriteOptions = {}): KubeObject {
    if (def.reader) throw methodNotAllowed();
    // Review kinds (SelfSubjectAccessReview, TokenReview...) answer a POST without storing anything.
    if (def.createHandler) return def.createHandler(this, namespace, body, opts);
    const obj = this.decode(def, body, opts);
    if (def.namespaced) {
      if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = obj.metadata.namespace || namespace || 'default';
    } else {
      delete obj.metadata.namespace;
    }
    const attrs = this.attributes('CREATE', def, '', obj, undefined, opts);
    this.admit(attrs);

    applyGenerateName(obj, this.random);
    def.prepareForCreate?.(obj, this.strategyContext);
    fillSystemFields(obj, newUID(this.random), rfc3339(this.clock.now()));
    if (def.generation) obj.metadata.generation = 1;
    else delete obj.metadata.generation;
    this.validateOrThrow(def, obj, def.validate?.(obj) ?? []);
    this.validateAdmission(attrs);

    const key = resourceKey(def);
    const ns = obj.metadata.namespace ?? '';
    if (this.store.get(key, ns, obj.metadata.name ?? '')) throw alreadyExists(def.group, def.resource, obj.metadata.name ?? '');
    for (const hook of this.hooks.get(`${def.group}/${def.resource}`) ?? []) hook.beforeStore?.('CREATE', obj, undefined, !!opts.dryRun);
    recordCreate(def, obj, opts, rfc3339(this.clock.now()));
    if (opts.dryRun) return obj;
    try {
      if (def.storedAs) return this.fromStore(def, this.store.create(key, def.storedAs.toStored(obj)));
      return this.store.create(key, obj);
    } catch (err) {
      if (err instanceof StoreExists) throw alreadyExists(def.group, def.resource, obj.metadata.name ?? '');
      throw err;
    }
  }

  // ---- update ---------------------------------------------------------------------------

  /**
   * update replaces an object (PUT). With subresource "status" only the status changes;
   * on the main resource of a kind with a status subresource the status is kept.
   */
  update(
    def: ResourceDefinition,
    namespace: string,
    name: string,
    body: KubeObject,
    opts: WriteOptions = {},
    subresource = '',
  ): KubeObject {
    const old = this.get(def, namespace, name);
    const incoming = this.decode(def, body, opts, subresource === 'status');
    if (incoming.metadata.name && incoming.metadata.name !== name) {
      throw badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
    }
    const wantRV = incoming.metadata.resourceVersion;
    if (wantRV && wantRV !== old.metadata.resourceVersion) throw this.modifiedConflict(def, name);
    // Built-in kinds allow unconditional updates (strategy AllowUnconditionalUpdate): a PUT
    // without resourceVersion, like `kubectl replace -f` of a hand-written file, overwrites.
    if (!wantRV && subresource === '') incoming.metadata.resourceVersion = old.metadata.resourceVersion;
    return this.commitUpdate(def, old, incoming, opts, subresource);
  }

  /**
   * commitUpdate is the shared tail of update and patch: merge by subresource rules,
   * bump generation, admit, validate, skip no-ops, store, and finish deletions whose
   * last finalizer is gone.
   */
  commitUpdate(
    def: ResourceDefinition,
    old: KubeObject,
    incoming: KubeObject,
    opts: WriteOptions,
    subresource: string,
    operation: 'Update' | 'Apply' = 'Update',
  ): KubeObject {
    let obj: KubeObject;
    if (subresource === 'status') {
      // Only metadata and status change: share the stored (immutable) spec and other fields
      // with the previous version instead of deep-copying them; status writes are the most
      // frequent writes in a busy cluster. Metadata is copied one level deep only: the write
      // path sets its scalar fields and managedFields but never changes its maps and lists,
      // and keeping the stored (frozen) labels, owner references and managedFields lets
      // validation, the no-op check and the store's sharing compare them by identity.
      obj = { ...old, metadata: { ...old.metadata }, status: incoming.status };
    } else if (subresource === 'finalize') {
      // Namespaces' /finalize (pkg/registry/core/namespace/strategy.go, namespaceFinalizeStrategy):
      // only spec.finalizers changes; emptying it lets a terminating namespace go.
      obj = thaw(old);
      const spec = ((incoming.spec ?? {}) as { finalizers?: string[] });
      obj.spec = { ...(obj.spec as object), finalizers: spec.finalizers ?? [] };
    } else {
      obj = incoming;
      if (def.hasStatus && !subresource) {
        if (old.status !== undefined) obj.status = thaw(old.status);
        else delete obj.status;
      }
    }
    keepSystemFields(obj, old);
    if (def.namespaced) obj.metadata.namespace = old.metadata.namespace;
    if (!subresource) def.prepareForUpdate?.(obj, old, this.strategyContext);
    if (def.generation && !deepEqual(obj.spec, old.spec)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;

    const attrs = this.attributes('UPDATE', def, subresource, obj, old, opts);
    this.admit(attrs);
    if (!subresource || subresource === 'status') {
      const validateUpdate = (subresource === 'status' && def.validateStatusUpdate) || def.validateUpdate;
      this.validateOrThrow(def, obj, validateUpdate?.(obj, old) ?? def.validate?.(obj) ?? []);
    }
    this.validateAdmission(attrs);

    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    // A comparison that found changed content already answers the no-op question.
    const changed = operation === 'Update' && recordUpdateWrite(def, obj, old, opts, subresource, rfc3339(this.clock.now()));
    if (!changed && changesNothing(obj, old)) return old;
    for (const hook of this.hooks.get(`${def.group}/${def.resource}`) ?? []) hook.beforeStore?.('UPDATE', obj, old, !!opts.dryRun);
    if (opts.dryRun) return obj;
    let stored: KubeObject;
    try {
      stored = this.storeUpdate(def, obj, old.metadata.resourceVersion);
    } catch (err) {
      if (err instanceof StoreConflict) throw this.modifiedConflict(def, old.metadata.name ?? '');
      if (err instanceof StoreNotFound) throw notFound(def.group, def.resource, old.metadata.name ?? '');
      throw err;
    }
    if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers ?? []).length === 0 && !def.holdsDeletion?.(stored)) {
      const grace = stored.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace === 0 || !def.gracefulDeleteSeconds) return this.removeFromStore(def, stored);
    }
    return stored;
  }

  /** modifiedConflict is the 409 optimistic-concurrency failure. */
  modifiedConflict(def: ResourceDefinition, name: string): StatusError {
    return conflict(def.group, def.resource, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }

  /** removeFromStore deletes an object for good and lets hooks release what it held. */
  removeFromStore(def: ResourceDefinition, obj: KubeObject): KubeObject {
    const gone = this.fromStore(def, this.store.delete(resourceKey(def), obj.metadata.namespace ?? '', obj.metadata.name ?? ''));
    for (const hook of this.hooks.get(`${def.group}/${def.resource}`) ?? []) hook.afterDelete?.(gone);
    return gone;
  }

  // ---- shared steps ---------------------------------------------------------------------

  /**
   * decode checks apiVersion/kind against the URL, rejects unknown fields under strict
   * field validation, and returns a defaulted private copy (decode.ts).
   */
  decode(def: ResourceDefinition, body: KubeObject, opts: WriteOptions, statusOnly = false): KubeObject {
    return decodeBody(this.schema, def, body, opts.fieldValidation ?? 'Strict', statusOnly);
  }

  private validateOrThrow(def: ResourceDefinition, obj: KubeObject, errors: FieldError[]): void {
    if (errors.length > 0) throw invalid(def.group, def.kind, obj.metadata.name || obj.metadata.generateName || '', errors);
  }

  attributes(
    operation: AdmissionAttributes['operation'],
    def: ResourceDefinition,
    subresource: string,
    obj: KubeObject | undefined,
    old: KubeObject | undefined,
    opts: { dryRun?: boolean; user?: UserInfo },
  ): AdmissionAttributes {
    const meta = (obj ?? old)?.metadata;
    return {
      operation,
      resource: def,
      subresource,
      namespace: meta?.namespace ?? '',
      name: meta?.name ?? '',
      object: obj,
      oldObject: old,
      dryRun: !!opts.dryRun,
      user: opts.user ?? ADMIN,
    };
  }

  admit(attrs: AdmissionAttributes): void {
    for (const p of this.admission) p.admit?.(attrs);
  }

  validateAdmission(attrs: AdmissionAttributes): void {
    for (const p of this.admission) p.validate?.(attrs);
  }
}
