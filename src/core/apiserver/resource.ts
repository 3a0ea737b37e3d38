/**
 * ResourceDefinition: everything the generic API server needs to know about one resource.
 *
 * Mirrors the per-resource `strategy.go` + `storage.go` pair upstream (pkg/registry/...):
 * names for discovery, defaulting, validation, how create/update prepare objects, which
 * fields field selectors may use and which subresources exist. (Tables live in ./tables.)
 * Adding a kind means adding one file to ./registry that exports one of these.
 */
import type { FieldError } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import type { ApiServer, WriteOptions } from './apiserver.ts';

/** Verb is a Kubernetes API verb as discovery lists it. */
export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

/** StrategyContext gives strategies the few services they need. */
export interface StrategyContext {
  now(): number;
  /** isoNow renders now as RFC 3339 with second precision, the way metav1.Time serialises. */
  isoNow(): string;
  randomString(n: number): string;
}

/** ScaleSubresource says where replicas and the selector live, for `/scale`. */
export interface ScaleSubresource {
  specReplicas: (obj: KubeObject) => number;
  setSpecReplicas: (obj: KubeObject, replicas: number) => void;
  statusReplicas: (obj: KubeObject) => number;
  selector: (obj: KubeObject) => string;
}

/** ResourceDefinition describes one REST resource. */
export interface ResourceDefinition {
  group: string;
  version: string;
  /** resource is the plural lower-case name: "pods". */
  resource: string;
  kind: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  verbs: Verb[];
  /** subresources served, e.g. ['status', 'scale']. */
  subresources: string[];
  /** hasStatus: updates to the main resource keep the stored status; /status keeps everything else. */
  hasStatus: boolean;
  /** generation: metadata.generation starts at 1 and bumps on every spec change. */
  generation: boolean;

  /** defaulter fills defaults in place (the caller passes a private copy). */
  defaulter?: (obj: KubeObject) => void;
  /**
   * statusDefaulter replaces defaulter on a status write's body when set: the defaults that
   * can reach the status, which is all such a write keeps. A kind whose defaults are all in
   * its spec skips building and defaulting a spec that is thrown away.
   */
  statusDefaulter?: (obj: KubeObject) => void;
  validate?: (obj: KubeObject) => FieldError[];
  validateUpdate?: (obj: KubeObject, old: KubeObject) => FieldError[];
  /**
   * validateStatusUpdate replaces validateUpdate on the status subresource when set: upstream's
   * podStatusStrategy validates metadata and status only (ValidatePodStatusUpdate), since the
   * spec is the stored one and was validated when written.
   */
  validateStatusUpdate?: (obj: KubeObject, old: KubeObject) => FieldError[];
  /** prepareForCreate clears fields users may not set (status, usually) and fills server-owned ones. */
  prepareForCreate?: (obj: KubeObject, ctx: StrategyContext) => void;
  /** prepareForUpdate runs on main-resource updates: e.g. keep status, keep immutable server fields. */
  prepareForUpdate?: (obj: KubeObject, old: KubeObject, ctx: StrategyContext) => void;
  /** fieldLabels lists the fields field selectors may use, besides metadata.name/namespace. */
  fieldLabels?: (obj: KubeObject) => Record<string, string>;
  scale?: ScaleSubresource;
  /** gracefulDeleteSeconds: how long a delete waits (pods); undefined means delete at once. */
  gracefulDeleteSeconds?: (obj: KubeObject, requested: number | undefined) => number | undefined;
  /**
   * holdsDeletion: besides metadata.finalizers, does this object still wait before it can
   * go (a Namespace with spec.finalizers)? onDeleting marks it (phase Terminating).
   */
  holdsDeletion?: (obj: KubeObject) => boolean;
  onDeleting?: (obj: KubeObject) => void;
  /**
   * createHandler serves POST for kinds that are computed, not stored (upstream's rest.Creater
   * without a store: SelfSubjectAccessReview, TokenReview, ...). It returns the answered object.
   */
  createHandler?: (server: ApiServer, namespace: string, body: KubeObject, opts: WriteOptions) => KubeObject;
  /** defaultPropagation when DeleteOptions say nothing (Background for most kinds). */
  defaultPropagation?: 'Background' | 'Orphan' | 'Foreground';
  /**
   * reader serves get/list from memory instead of the store, as an aggregated API server does
   * (metrics.k8s.io is metrics-server's, not etcd's). Such resources serve only their `verbs`.
   */
  reader?: ResourceReader;
  /**
   * convertFrom maps other served versions ("autoscaling/v1") to this, the stored one, as the
   * scheme's conversion functions do on decode. Reads always answer in `version`.
   */
  convertFrom?: Readonly<Record<string, (obj: KubeObject) => KubeObject>>;
  /** convertTo renders a stored object in another served version (for HTTP clients that ask for it). */
  convertTo?: Readonly<Record<string, (obj: KubeObject) => KubeObject>>;
  /**
   * deprecated is the warning the API server adds to every response for a deprecated
   * resource (`v1 ComponentStatus is deprecated in v1.19+`); kubectl prints it as `Warning: ...`.
   */
  deprecated?: string;
  /**
   * storedAs serves another resource's storage through this group-version, converting on
   * every read, write and watch event: upstream's cohabitating resources (events.k8s.io/v1
   * Events are the core/v1 Events, one etcd prefix, pkg/registry/core/event/storage).
   */
  storedAs?: StoredAs;
}

/** StoredAs names the resource whose storage this one shares, and how objects convert. */
export interface StoredAs {
  group: string;
  resource: string;
  /** toStored converts an object of this resource to the stored resource's shape. */
  toStored: (obj: KubeObject) => KubeObject;
  /** fromStored renders a stored object as this resource serves it. */
  fromStored: (obj: KubeObject) => KubeObject;
}

/** ResourceReader answers get and list of a resource that is not stored (an aggregated API). */
export interface ResourceReader {
  /** get returns the object or undefined (⇒ 404 NotFound). */
  get(namespace: string, name: string): KubeObject | undefined;
  /** list returns the objects of a namespace (all namespaces when undefined), before selectors. */
  list(namespace: string | undefined): KubeObject[];
}

/** resourceKey is the store bucket name of a resource: "pods", "deployments.apps". */
export function resourceKey(def: { group: string; resource: string; storedAs?: StoredAs }): string {
  if (def.storedAs) return resourceKey(def.storedAs);
  return def.group === '' ? def.resource : `${def.resource}.${def.group}`;
}
