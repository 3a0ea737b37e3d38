/**
 * The Volumes block of pods and pod templates (describe.go: describeVolumes and the
 * print*VolumeSource helpers), for the volume types a learner meets.
 */
import type { Volume } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter.ts';
import { compareQuantities, parseQuantity, quantityToString, ZERO_QUANTITY } from './quantity.ts';

/** goPointerBool renders a *bool through Go's %v as v1.32 does in projected volumes ("<nil>" when unset). */
function goPointerBool(value: boolean | undefined): string {
  return value === undefined || value === null ? '<nil>' : String(value);
}

/** imageSource reads the v1.31+ `image` volume source, which our kubernetes-types version predates. */
function imageSource(volume: Volume): { reference?: string; pullPolicy?: string } | undefined {
  return (volume as Volume & { image?: { reference?: string; pullPolicy?: string } }).image;
}

/** describeVolumeSource writes the Type line and details of one volume. */
/**
 * printCSIVolumeAttributes is describe.go's printCSIPersistentVolumeAttributesMultiline,
 * which pod CSI volumes and CSI PersistentVolumes both print: sorted `k=v` lines under
 * "VolumeAttributes:", or "<none>".
 */
export function printCSIVolumeAttributes(w: PrefixWriter, attrs: Record<string, string> | undefined): void {
  const keys = Object.keys(attrs ?? {}).sort();
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  if (keys.length === 0) w.writeLine('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_2, '\t');
    w.write(LEVEL_2, `${k}=${attrs![k]}\n`);
  });
}

function describeVolumeSource(volume: Volume, w: PrefixWriter): void {
  if (volume.hostPath) {
    w.write(
      LEVEL_2,
      'Type:\tHostPath (bare host directory volume)\n' +
        `    Path:\t${volume.hostPath.path}\n` +
        `    HostPathType:\t${volume.hostPath.type ?? '<none>'}\n`,
    );
  } else if (volume.emptyDir) {
    const limit = volume.emptyDir.sizeLimit;
    const q = limit === undefined ? ZERO_QUANTITY : parseQuantity(limit);
    const sizeLimit = compareQuantities(q, ZERO_QUANTITY) > 0 ? quantityToString(q) : '<unset>';
    w.write(
      LEVEL_2,
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        `    Medium:\t${volume.emptyDir.medium ?? ''}\n` +
        `    SizeLimit:\t${sizeLimit}\n`,
    );
  } else if (volume.secret) {
    w.write(
      LEVEL_2,
      'Type:\tSecret (a volume populated by a Secret)\n' +
        `    SecretName:\t${volume.secret.secretName ?? ''}\n` +
        `    Optional:\t${volume.secret.optional === true}\n`,
    );
  } else if (volume.configMap) {
    w.write(
      LEVEL_2,
      'Type:\tConfigMap (a volume populated by a ConfigMap)\n' +
        `    Name:\t${volume.configMap.name ?? ''}\n` +
        `    Optional:\t${volume.configMap.optional === true}\n`,
    );
  } else if (volume.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        `    ClaimName:\t${volume.persistentVolumeClaim.claimName}\n` +
        `    ReadOnly:\t${volume.persistentVolumeClaim.readOnly === true}\n`,
    );
  } else if (volume.nfs) {
    w.write(
      LEVEL_2,
      'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n' +
        `    Server:\t${volume.nfs.server}\n` +
        `    Path:\t${volume.nfs.path}\n` +
        `    ReadOnly:\t${volume.nfs.readOnly === true}\n`,
    );
  } else if (volume.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (volume.projected) {
    // v1.32 prints the projected sources' Optional as a Go *bool ("<nil>" when unset);
    // later releases changed this to "Optional: false".
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const source of volume.projected.sources ?? []) {
      if (source.secret) {
        w.write(
          LEVEL_2,
          `SecretName:\t${source.secret.name ?? ''}\n    SecretOptionalName:\t${goPointerBool(source.secret.optional)}\n`,
        );
      } else if (source.downwardAPI) {
        w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      } else if (source.configMap) {
        w.write(
          LEVEL_2,
          `ConfigMapName:\t${source.configMap.name ?? ''}\n    ConfigMapOptional:\t${goPointerBool(source.configMap.optional)}\n`,
        );
      } else if (source.serviceAccountToken) {
        w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
      }
    }
  } else if (volume.csi) {
    w.write(
      LEVEL_2,
      'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
        `    Driver:\t${volume.csi.driver}\n` +
        `    FSType:\t${volume.csi.fsType ?? ''}\n` +
        `    ReadOnly:\t${volume.csi.readOnly === true}\n`,
    );
    printCSIVolumeAttributes(w, volume.csi.volumeAttributes);
  } else if (volume.ephemeral) {
    w.write(
      LEVEL_2,
      'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n',
    );
  } else if (imageSource(volume)) {
    const image = imageSource(volume)!;
    w.write(
      LEVEL_2,
      'Type:\tImage (a container image or OCI artifact)\n' +
        `    Reference:\t${image.reference ?? ''}\n` +
        `    PullPolicy:\t${image.pullPolicy ?? ''}\n`,
    );
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** describeVolumes writes `Volumes:` (or `Volumes:  <none>`); `space` is "  " inside a Pod Template. */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? ' ' : '';
  for (const volume of volumes) {
    w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`);
    describeVolumeSource(volume, w);
  }
}
