/**
 * Secret stringData handling, modelled on Convert_v1_Secret_To_core_Secret
 * (pkg/apis/core/v1/conversion.go): every stringData entry is written into data
 * (overwriting a key of the same name) and stringData is never stored.
 */
import type { Secret } from 'kubernetes-types/core/v1';
import { base64String } from '../encoding.ts';

/** mergeSecretStringData folds stringData into data (stringData wins) and removes stringData. */
export function mergeSecretStringData(secret: Secret): void {
  if (secret.stringData === undefined) return;
  const data = { ...(secret.data ?? {}) };
  for (const [k, v] of Object.entries(secret.stringData)) data[k] = base64String(v);
  secret.data = data;
  delete secret.stringData;
}
