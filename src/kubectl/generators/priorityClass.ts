/**
 * `kubectl create priorityclass NAME --value=VALUE [--global-default] [--description] [--preemption-policy]`
 *
 * Models create_priorityclass.go (cluster-scoped, so never namespaced).
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { exactlyOneName } from './usageError.ts';

/** PriorityClassFlags are the parsed flags of `create priorityclass`. */
export interface PriorityClassFlags {
  /** --value (default 0). */
  value?: number;
  /** --global-default (default false). */
  globalDefault?: boolean;
  /** --description (default ""). */
  description?: string;
  /** --preemption-policy (default "PreemptLowerPriority"). */
  preemptionPolicy?: string;
}

/** generatePriorityClass builds the scheduling.k8s.io/v1 PriorityClass kubectl would create. */
export function generatePriorityClass(args: string[], flags: PriorityClassFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const pc: GeneratedObject = {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: objectMeta(name, ctx, { namespaced: false }),
    value: flags.value ?? 0,
  };
  if (flags.globalDefault) pc.globalDefault = true;
  if (flags.description) pc.description = flags.description;
  pc.preemptionPolicy = flags.preemptionPolicy ?? 'PreemptLowerPriority';
  return pc;
}
