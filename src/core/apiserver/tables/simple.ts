/**
 * Small core tables from printers.go: namespaces, configmaps, secrets, serviceaccounts, leases.
 * Each is a name, one or two counts or fields, and an age.
 */
import { age, type Dict } from './cells.ts';
import { ageColumn, column, nameColumn, type TableDefinition } from './tableDefinition.ts';

/** namespaceTable: NAME, STATUS, AGE (STATUS is status.phase). */
export const namespaceTable: TableDefinition = {
  columns: [nameColumn, column('Status', 'string', 'The status of the namespace'), ageColumn],
  row: (obj, now) => [obj.metadata.name, (obj as Dict).status?.phase ?? '', age(obj, now)],
};

/** configMapTable: NAME, DATA, AGE (DATA counts data and binaryData keys). */
export const configMapTable: TableDefinition = {
  columns: [nameColumn, column('Data', 'string', 'Data contains the configuration data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.'), ageColumn],
  row: (obj, now) => {
    const cm = obj as Dict;
    return [obj.metadata.name, Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, age(obj, now)];
  },
};

/** secretTable: NAME, TYPE, DATA, AGE. */
export const secretTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types'),
    column('Data', 'string', "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
    ageColumn,
  ],
  row: (obj, now) => {
    const s = obj as Dict;
    return [obj.metadata.name, s.type ?? '', Object.keys(s.data ?? {}).length, age(obj, now)];
  },
};

/** serviceAccountTable: NAME, SECRETS, AGE. */
export const serviceAccountTable: TableDefinition = {
  columns: [
    nameColumn,
    column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret'),
    ageColumn,
  ],
  row: (obj, now) => [obj.metadata.name, ((obj as Dict).secrets ?? []).length, age(obj, now)],
};

/** leaseTable: NAME, HOLDER, AGE (HOLDER empty when spec.holderIdentity is unset). */
export const leaseTable: TableDefinition = {
  columns: [nameColumn, column('Holder', 'string', 'The holder of the lease'), ageColumn],
  row: (obj, now) => [obj.metadata.name, (obj as Dict).spec?.holderIdentity ?? '', age(obj, now)],
};
