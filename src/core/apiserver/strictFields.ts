/**
 * Strict field validation (fieldValidation=Strict, which kubectl sends by default):
 * unknown fields are rejected with the decoder's own wording.
 */
import { badRequest } from '../api/status.ts';
import type { KubeObject } from '../api/types.ts';
import type { ResourceDefinition } from './resource.ts';

/** UnknownFieldFinder lists unknown field paths ("spec.replica") of an object. */
export type UnknownFieldFinder = (group: string, version: string, kind: string, obj: unknown) => string[];

let finder: UnknownFieldFinder | undefined;

/** setUnknownFieldFinder installs the schema-backed finder (see core/api/schema). */
export function setUnknownFieldFinder(f: UnknownFieldFinder): void {
  finder = f;
}

/** checkStrictFields throws 400 under Strict when the object has fields its schema lacks. */
export function checkStrictFields(def: ResourceDefinition, body: KubeObject, mode: 'Strict' | 'Warn' | 'Ignore'): void {
  if (mode !== 'Strict' || !finder) return;
  const unknown = finder(def.group, def.version, def.kind, body);
  if (unknown.length === 0) return;
  const list = unknown.map((f) => `unknown field "${f}"`).join(', ');
  throw badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: strict decoding error: ${list}`);
}
