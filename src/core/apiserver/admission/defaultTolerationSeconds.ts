/**
 * DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds):
 * every new pod tolerates the not-ready and unreachable NoExecute taints for 300 s, which
 * is why pods leave a dead node five minutes after it stops reporting.
 */
import { defaultTolerationSeconds } from '../../api/defaults/index.ts';
import type { Pod } from '../../api/types.ts';
import type { AdmissionPlugin } from '../admission.ts';
import { isPodCreate } from './serviceAccount.ts';

/** defaultTolerationSecondsAdmission returns the plugin. */
export function defaultTolerationSecondsAdmission(): AdmissionPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    admit(attrs) {
      if (isPodCreate(attrs)) defaultTolerationSeconds(attrs.object as unknown as Pod);
    },
  };
}
