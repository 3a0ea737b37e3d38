/**
 * runOverrides is `kubectl run --overrides` (cmdutil.Overrider): a JSON, merge or
 * strategic merge patch applied to the generated Pod before it is sent or printed.
 */
import type { KubeObject } from '../../core/api/types.ts';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from '../../core/api/patch/index.ts';
import { CommandError } from '../errors.ts';

/** applyOverrides patches obj with --overrides under --override-type (json, merge, strategic). */
export function applyOverrides(obj: KubeObject, overrides: string, overrideType: string): KubeObject {
  if (!['json', 'merge', 'strategic'].includes(overrideType)) {
    throw new CommandError(`error: --override-type must be one of (json, merge, strategic), got "${overrideType}"`);
  }
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    // evanphx/json-patch answers a body it cannot read with ErrBadJSONPatch.
    throw new CommandError(overrideType === 'json' ? 'error: invalid JSON Patch' : 'error: Invalid JSON Patch');
  }
  try {
    if (overrideType === 'json') return applyJsonPatch(obj, patch) as KubeObject;
    if (overrideType === 'merge') return applyMergePatch(obj, patch) as KubeObject;
    return applyStrategicMergePatch(obj, patch, obj.kind ?? 'Pod') as unknown as KubeObject;
  } catch (err) {
    throw new CommandError(`error: ${(err as Error).message}`);
  }
}
