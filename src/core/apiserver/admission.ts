/**
 * Admission: plugins that see every write after decoding and before storage.
 *
 * Mirrors k8s.io/apiserver/pkg/admission. Mutating plugins (`admit`) run before
 * validation and may change the object; validating plugins (`validate`) run after
 * the resource's own validation and may only refuse, by throwing a StatusError.
 */
import type { KubeObject } from '../api/types.ts';
import type { ResourceDefinition } from './resource.ts';

/** Operation is the admission operation. */
export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/** UserInfo identifies who makes a request. */
export interface UserInfo {
  username: string;
  groups: string[];
  /** uid and extra come with service account tokens and `--as-uid` (user.Info GetUID/GetExtra). */
  uid?: string;
  extra?: Record<string, string[]>;
}

/** AdmissionAttributes describe one write. */
export interface AdmissionAttributes {
  operation: Operation;
  resource: ResourceDefinition;
  subresource: string;
  namespace: string;
  name: string;
  /** object is the incoming object (mutable in `admit`); undefined for DELETE. */
  object?: KubeObject;
  oldObject?: KubeObject;
  dryRun: boolean;
  user: UserInfo;
}

/** AdmissionPlugin is one plugin; either hook may be omitted. */
export interface AdmissionPlugin {
  name: string;
  admit?(attrs: AdmissionAttributes): void;
  validate?(attrs: AdmissionAttributes): void;
}

/** StorageHook lets other layers act at the moment an object is stored or removed (IP/port allocation). */
export interface StorageHook {
  /** beforeStore may fill or refuse fields (e.g. allocate a ClusterIP) just before the write. */
  beforeStore?(op: 'CREATE' | 'UPDATE', obj: KubeObject, old: KubeObject | undefined, dryRun: boolean): void;
  /** afterDelete releases what the object held. */
  afterDelete?(obj: KubeObject): void;
}
