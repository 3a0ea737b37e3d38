/**
 * Volume defaulting, modelled on SetDefaults_Volume and the per-source defaulters in
 * pkg/apis/core/v1/defaults.go (Kubernetes v1.32).
 */
import type { Volume } from 'kubernetes-types/core/v1';

/** DEFAULT_MODE is 0644, printed by kubectl as 420: the file mode given to projected keys when defaultMode is unset. */
export const DEFAULT_MODE = 0o644;

/** defaultVolume fills a volume's defaults; a volume with no source at all becomes an emptyDir, as upstream does. */
export function defaultVolume(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.length === 0) v.emptyDir = {};
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
    }
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_MODE;
    for (const source of v.projected.sources ?? []) {
      for (const item of source.downwardAPI?.items ?? []) {
        if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
      }
      // SetDefaults_ServiceAccountTokenProjection: one hour.
      if (source.serviceAccountToken) source.serviceAccountToken.expirationSeconds ??= 3600;
    }
  }
  if (v.hostPath) v.hostPath.type ??= '';
}
