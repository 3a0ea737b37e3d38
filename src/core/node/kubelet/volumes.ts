/**
 * Pod volumes as the kubelet's volume manager sets them up (pkg/volume/*): each volume
 * becomes a VirtualFS the pod's containers mount. ConfigMap, Secret, projected and
 * downwardAPI volumes are written once at setup (read-only, as upstream's atomic writer
 * makes them); emptyDir is fresh per pod and shared by its containers; hostPath is a
 * directory of the node's own filesystem; a PVC is a directory kept per claim on the node.
 * A missing ConfigMap or Secret fails the mount with upstream's FailedMount message.
 */
import { imageLayer, OverlayFS, type LazyText } from '../runtime/overlayFS.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import { writeFile } from '../images/definition.ts';
import type { Mount } from '../runtime/mountFS.ts';
import type { VirtualFS } from '../runtime/types.ts';
import { decodeBase64, fieldRefValue, formatMap, resourceFieldValue } from './env.ts';

/** PodVolume is a set-up volume: a filesystem and the directory of it to mount. */
export interface PodVolume {
  /** name is the volume's name in the pod spec (what volumeMounts refer to). */
  name: string;
  fs: VirtualFS;
  base?: string;
  readOnly?: boolean;
}

/** VolumeHost is what volume plugins read from the node and the API. */
export interface VolumeHost {
  now(): number;
  configMap(namespace: string, name: string): KubeObject | undefined;
  secret(namespace: string, name: string): KubeObject | undefined;
  /** nodeFS is the node's root filesystem (hostPath). */
  nodeFS: VirtualFS;
  /** claimFS returns the node-local storage of a PersistentVolumeClaim. */
  claimFS(namespace: string, claim: string): VirtualFS;
  /** boundVolume returns the PersistentVolume a claim is bound to, if any. */
  boundVolume?(namespace: string, claim: string): KubeObject | undefined;
  /** serviceAccountToken reserves the pod's token; the text is built when read (see lazyToken). */
  serviceAccountToken(pod: Pod): LazyText;
  caCert: string;
  nodeAllocatable: { cpu: string; memory: string };
}

/** SetupResult is every volume of the pod, or the first FailedMount message. */
export type SetupResult = { ok: true; volumes: readonly PodVolume[] } | { ok: false; volume: string; message: string };

interface KeyToPath {
  key: string;
  path: string;
}

function writeData(fs: VirtualFS, dir: string, data: Record<string, string>, items: KeyToPath[] | undefined, decode: boolean): string | undefined {
  const chosen = items?.length ? items : Object.keys(data).sort().map((key) => ({ key, path: key }));
  for (const it of chosen) {
    if (!(it.key in data)) return it.key;
    writeFile(fs, `${dir}/${it.path}`.replace(/\/+/g, '/'), decode ? decodeBase64(data[it.key]) : data[it.key]);
  }
  return undefined;
}

/** setUpVolumes prepares every volume of the pod. */
/**
 * EMPTY_LAYER is what a fresh MemoryFS holds (its skeleton directories and /dev/null), shared
 * by every volume so a pod's volumes carry only their own files.
 */
const EMPTY_LAYER = imageLayer(() => {});

export function setUpVolumes(pod: Pod, host: VolumeHost): SetupResult {
  const ns = pod.metadata!.namespace!;
  const volumes: PodVolume[] = [];
  const fresh = (): OverlayFS => new OverlayFS(EMPTY_LAYER, host.now);
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap || v.secret) {
      const isCM = !!v.configMap;
      const name = (isCM ? v.configMap!.name : v.secret!.secretName)!;
      const optional = (isCM ? v.configMap!.optional : v.secret!.optional) ?? false;
      const obj = isCM ? host.configMap(ns, name) : host.secret(ns, name);
      const fs = fresh();
      if (!obj) {
        if (!optional) return { ok: false, volume: v.name, message: `${isCM ? 'configmap' : 'secret'} "${name}" not found` };
      } else {
        const missing = writeData(fs, '/', (obj.data ?? {}) as Record<string, string>, (isCM ? v.configMap!.items : v.secret!.items) as KeyToPath[], !isCM);
        if (missing && !optional) {
          return { ok: false, volume: v.name, message: `configmap references non-existent config key: ${missing}` };
        }
      }
      volumes.push({ name: v.name, fs, readOnly: true });
    } else if (v.emptyDir) {
      volumes.push({ name: v.name, fs: fresh() });
    } else if (v.hostPath) {
      const path = v.hostPath.path;
      if (!host.nodeFS.exists(path)) {
        const type = v.hostPath.type ?? '';
        if (type === 'DirectoryOrCreate' || type === '') host.nodeFS.mkdir(path, { parents: true });
        else if (type === 'FileOrCreate') writeFile(host.nodeFS, path, '');
        else return { ok: false, volume: v.name, message: `hostPath type check failed: ${path} is not a ${type === 'File' ? 'file' : 'directory'}` };
      }
      volumes.push({ name: v.name, fs: host.nodeFS, base: path });
    } else if (v.persistentVolumeClaim || v.ephemeral) {
      // A hostPath or local volume is a directory of this node (local-path volumes are): its files
      // outlive the pod and the next pod on the node sees them. Other volume types keep the claim's
      // files in a per-claim store on the node. A generic ephemeral volume is the claim
      // `<pod>-<volume>` the ephemeral volume controller made for the pod.
      const claimName = v.persistentVolumeClaim?.claimName ?? `${pod.metadata!.name}-${v.name}`;
      const readOnly = v.persistentVolumeClaim?.readOnly;
      const source = host.boundVolume?.(ns, claimName)?.spec as { hostPath?: { path: string }; local?: { path: string } } | undefined;
      const path = source?.hostPath?.path ?? source?.local?.path;
      if (path) {
        if (!host.nodeFS.exists(path)) host.nodeFS.mkdir(path, { parents: true });
        volumes.push({ name: v.name, fs: host.nodeFS, base: path, readOnly });
      } else {
        volumes.push({ name: v.name, fs: host.claimFS(ns, claimName), readOnly });
      }
    } else if (v.projected || v.downwardAPI) {
      const fs = fresh();
      const sources = v.projected ? v.projected.sources ?? [] : [{ downwardAPI: v.downwardAPI }];
      for (const src of sources) {
        // Built on first read: most containers never open their token (see lazyToken).
        if (src.serviceAccountToken) fs.writeLazy(`/${src.serviceAccountToken.path}`, host.serviceAccountToken(pod));
        if (src.configMap) {
          const obj = host.configMap(ns, src.configMap.name!);
          if (obj) writeData(fs, '/', (obj.data ?? {}) as Record<string, string>, src.configMap.items as KeyToPath[], false);
          else if (src.configMap.name === 'kube-root-ca.crt') writeFile(fs, '/ca.crt', host.caCert);
          else if (!src.configMap.optional) return { ok: false, volume: v.name, message: `configmap "${src.configMap.name}" not found` };
        }
        if (src.secret) {
          const obj = host.secret(ns, src.secret.name!);
          if (obj) writeData(fs, '/', (obj.data ?? {}) as Record<string, string>, src.secret.items as KeyToPath[], true);
          else if (!src.secret.optional) return { ok: false, volume: v.name, message: `secret "${src.secret.name}" not found` };
        }
        for (const item of src.downwardAPI?.items ?? []) {
          let value = '';
          if (item.fieldRef) {
            const p = item.fieldRef.fieldPath;
            value = p === 'metadata.labels' ? formatMap(pod.metadata!.labels) : p === 'metadata.annotations' ? formatMap(pod.metadata!.annotations) : (fieldRefValue(pod, p) ?? '');
          } else if (item.resourceFieldRef) {
            const c = pod.spec!.containers.find((x) => x.name === item.resourceFieldRef!.containerName) ?? pod.spec!.containers[0];
            value = resourceFieldValue(c, item.resourceFieldRef.resource, item.resourceFieldRef.divisor as string | undefined, host.nodeAllocatable);
          }
          writeFile(fs, `/${item.path}`, value);
        }
      }
      volumes.push({ name: v.name, fs, readOnly: true });
    } else {
      // Other volume types (nfs, csi, ...) have no backend in the simulation: an empty directory.
      volumes.push({ name: v.name, fs: fresh() });
    }
  }
  // An exact-size copy: the record keeps it for the pod's life, and a pushed-to array has spare capacity.
  return { ok: true, volumes: volumes.slice() };
}

/** containerMounts maps a container's volumeMounts onto the pod's set-up volumes. */
export function containerMounts(mounts: readonly { name: string; mountPath: string; subPath?: string; readOnly?: boolean }[] | undefined, volumes: readonly PodVolume[]): Mount[] {
  const out: Mount[] = [];
  for (const m of mounts ?? []) {
    const v = volumes.find((pv) => pv.name === m.name);
    if (!v) continue;
    const sub = [v.base, m.subPath].filter((x) => x && x !== '/').join('/');
    out.push({ path: m.mountPath, fs: v.fs, subPath: sub || undefined, readOnly: !!(m.readOnly || v.readOnly) });
  }
  return out;
}
