/**
 * Volume validation (ValidateVolumes, validateVolumeSource and the per-source validators
 * in pkg/apis/core/validation/validation.go, v1.32) for the sources learners use.
 */
import type { KeyToPath, Volume } from 'kubernetes-types/core/v1';
import type { FieldError } from '../status.ts';
import { isConfigMapKey, isDNS1123Label } from '../nameValidation.ts';
import { validateLocalDescendingPath } from './container.ts';
import { field, invalidEach } from './field.ts';

const FILE_MODE_ERROR_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const STORAGE_MEDIA = ['', 'Memory', 'HugePages'];

function validateMode(mode: number | undefined, path: string): FieldError[] {
  return mode !== undefined && (mode < 0 || mode > 0o777) ? [field.invalid(path, mode, FILE_MODE_ERROR_MSG)] : [];
}

/** validateLocalNonReservedPath: descending, and not starting with '..'. */
function validateLocalNonReservedPath(target: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(field.invalid(path, target, "must not start with '..'"));
  return errs;
}

function validateKeyToPaths(items: KeyToPath[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((item, i) => {
    const p = `${path}[${i}]`;
    if (!item.key) errs.push(field.required(`${p}.key`));
    if (!item.path) errs.push(field.required(`${p}.path`));
    errs.push(...validateLocalNonReservedPath(item.path ?? '', `${p}.path`));
    errs.push(...validateMode(item.mode, `${p}.mode`));
  });
  return errs;
}

type SourceCheck = (v: Volume, path: string) => FieldError[];

/** The sources we validate in depth; any other source name is accepted as given. */
const SOURCES: Record<string, SourceCheck> = {
  hostPath: (v, p) => {
    const errs: FieldError[] = [];
    if (!v.hostPath!.path) errs.push(field.required(`${p}.path`));
    else errs.push(...(v.hostPath!.path.split('/').includes('..') ? [field.invalid(`${p}.path`, v.hostPath!.path, "must not contain '..'")] : []));
    const t = v.hostPath!.type;
    if (t !== undefined && !HOST_PATH_TYPES.includes(t)) errs.push(field.notSupported(`${p}.type`, t, HOST_PATH_TYPES));
    return errs;
  },
  emptyDir: (v, p) => {
    const m = v.emptyDir!.medium;
    return m !== undefined && !STORAGE_MEDIA.includes(m) ? [field.notSupported(`${p}.medium`, m, STORAGE_MEDIA)] : [];
  },
  secret: (v, p) => {
    const errs: FieldError[] = [];
    if (!v.secret!.secretName) errs.push(field.required(`${p}.secretName`));
    errs.push(...validateMode(v.secret!.defaultMode, `${p}.defaultMode`));
    errs.push(...validateKeyToPaths(v.secret!.items, `${p}.items`));
    return errs;
  },
  configMap: (v, p) => {
    const errs: FieldError[] = [];
    if (!v.configMap!.name) errs.push(field.required(`${p}.name`));
    errs.push(...validateMode(v.configMap!.defaultMode, `${p}.defaultMode`));
    errs.push(...validateKeyToPaths(v.configMap!.items, `${p}.items`));
    for (const [i, item] of (v.configMap!.items ?? []).entries()) {
      if (item.key) errs.push(...invalidEach(`${p}.items[${i}].key`, item.key, isConfigMapKey(item.key)));
    }
    return errs;
  },
  persistentVolumeClaim: (v, p) => (v.persistentVolumeClaim!.claimName ? [] : [field.required(`${p}.claimName`)]),
  downwardAPI: (v, p) => validateMode(v.downwardAPI!.defaultMode, `${p}.defaultMode`),
  projected: (v, p) => validateMode(v.projected!.defaultMode, `${p}.defaultMode`),
  nfs: (v, p) => {
    const errs: FieldError[] = [];
    if (!v.nfs!.server) errs.push(field.required(`${p}.server`));
    if (!v.nfs!.path) errs.push(field.required(`${p}.path`));
    else if (!v.nfs!.path.startsWith('/')) errs.push(field.invalid(`${p}.path`, v.nfs!.path, 'must be an absolute path'));
    return errs;
  },
};

/** validateVolumeSource checks exactly one source is set, then that source. */
function validateVolumeSource(v: Volume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const key of Object.keys(v)) {
    if (key === 'name' || (v as unknown as Record<string, unknown>)[key] == null) continue;
    if (count > 0) {
      errs.push(field.forbidden(`${path}.${key}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    const check = SOURCES[key];
    if (check) errs.push(...check(v, `${path}.${key}`));
  }
  if (count === 0) errs.push(field.required(path, 'must specify a volume type'));
  return errs;
}

/** validateVolumes checks every volume and returns the names a volumeMount may refer to. */
export function validateVolumes(volumes: Volume[] | undefined, path: string): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el = validateVolumeSource(v, p);
    if (!v.name) el.push(field.required(`${p}.name`));
    else el.push(...invalidEach(`${p}.name`, v.name, isDNS1123Label(v.name)));
    if (names.has(v.name)) el.push(field.duplicate(`${p}.name`, v.name));
    if (el.length === 0) names.add(v.name);
    else errors.push(...el);
  });
  return { names, errors };
}
