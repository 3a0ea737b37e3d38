/**
 * `kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key=value] [--from-env-file=file]`
 *
 * Models staging/src/k8s.io/kubectl/pkg/cmd/create/create_configmap.go. `data` is omitted
 * when empty and printed with sorted keys.
 */
import type { GeneratorContext } from './context.ts';
import { collectData, type DataSourceFlags } from './dataSources.ts';
import { objectMeta, sortedRecord, type GeneratedObject } from './meta.ts';
import { exactlyOneName } from './usageError.ts';

/** ConfigMapFlags are the parsed flags of `create configmap` (--append-hash is not modelled). */
export type ConfigMapFlags = DataSourceFlags;

/** generateConfigMap builds the v1 ConfigMap kubectl would create. */
export function generateConfigMap(args: string[], flags: ConfigMapFlags, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  const data = collectData('ConfigMap', name, flags, ctx);
  const configMap: GeneratedObject = { kind: 'ConfigMap', apiVersion: 'v1', metadata: objectMeta(name, ctx) };
  if (Object.keys(data).length > 0) configMap.data = sortedRecord(data);
  return configMap;
}
