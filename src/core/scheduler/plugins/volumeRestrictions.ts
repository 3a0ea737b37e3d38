/**
 * VolumeRestrictions (pkg/scheduler/framework/plugins/volumerestrictions), its
 * ReadWriteOncePod part: a claim with access mode ReadWriteOncePod may be used by one pod in
 * the whole cluster. While a scheduled pod uses it, a second pod fits no node (Unschedulable,
 * so preemption may evict a lower-priority holder). The in-tree disk conflicts (GCE PD, EBS,
 * RBD, iSCSI) are not modelled.
 */
import type { Pod } from '../../api/types.ts';
import { isTerminal } from '../nodeInfo.ts';
import { unschedulable, type FilterPlugin } from '../types.ts';
import { podClaimNames, type VolumeListers } from './volumeBinding.ts';

/** ERR_REASON_RWOP_CONFLICT is ErrReasonReadWriteOncePodConflict. */
export const ERR_REASON_RWOP_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

const STATE_KEY = 'VolumeRestrictions';

/** volumeRestrictions returns the plugin over the scheduler's claim lister. */
export function volumeRestrictions(listers: VolumeListers): FilterPlugin {
  return {
    name: 'VolumeRestrictions',
    preFilter(ctx, pod) {
      const ns = pod.metadata?.namespace ?? '';
      const rwop = new Set<string>();
      for (const name of podClaimNames(pod)) {
        const claim = listers.claim(ns, name);
        // A missing claim is reported in VolumeBinding's words too; here it is the same text.
        if (!claim) return { code: 'UnschedulableAndUnresolvable', reasons: [`persistentvolumeclaim "${name}" not found`] };
        if (((claim.spec as { accessModes?: string[] } | undefined)?.accessModes ?? []).includes('ReadWriteOncePod')) rwop.add(name);
      }
      if (rwop.size === 0) return { code: 'Skip', reasons: [] };
      const uid = pod.metadata?.uid;
      let conflicts = 0;
      for (const info of ctx.allNodes) {
        for (const other of info.pods as Pod[]) {
          if (other.metadata?.uid === uid || other.metadata?.namespace !== ns || isTerminal(other)) continue;
          if (podClaimNames(other).some((n) => rwop.has(n))) conflicts++;
        }
      }
      ctx.state.set(STATE_KEY, conflicts);
      return undefined;
    },
    filter(ctx) {
      return ((ctx.state.get(STATE_KEY) as number | undefined) ?? 0) > 0 ? unschedulable(ERR_REASON_RWOP_CONFLICT) : undefined;
    },
  };
}
