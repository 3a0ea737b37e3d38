/**
 * accessModes: PersistentVolume access modes as `kubectl get` and `kubectl describe`
 * abbreviate them (pkg/apis/core/helper GetAccessModesAsString).
 */

/** accessModesString abbreviates access modes in upstream's fixed order: "RWO,ROX,RWX,RWOP". */
export function accessModesString(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}
