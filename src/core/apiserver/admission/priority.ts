/**
 * Priority admission (plugin/pkg/admission/priority/admission.go): resolve a pod's
 * `priorityClassName` to `spec.priority` and `spec.preemptionPolicy`. The two system
 * classes always exist; other classes are read from storage when the PriorityClass kind
 * is served. With no class named, the globalDefault class applies, else priority 0.
 */
import { defaultPodPriority } from '../../api/defaults/index.ts';
import type { KubeObject, Pod } from '../../api/types.ts';
import type { AdmissionPlugin } from '../admission.ts';
import type { ApiServer } from '../apiserver.ts';
import { forbiddenPod, isPodCreate } from './serviceAccount.ts';

/** PriorityClassInfo is the part of a scheduling.k8s.io/v1 PriorityClass the plugin uses. */
export interface PriorityClassInfo {
  name: string;
  value: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

/** SYSTEM_PRIORITY_CLASSES are scheduling.SystemPriorityClasses() (pkg/apis/scheduling/types.go). */
export const SYSTEM_PRIORITY_CLASSES: PriorityClassInfo[] = [
  { name: 'system-node-critical', value: 2000001000 },
  { name: 'system-cluster-critical', value: 2000000000 },
];

const PRIORITY_CLASSES_KEY = 'priorityclasses.scheduling.k8s.io';

function storedClasses(server: ApiServer): PriorityClassInfo[] {
  if (!server.serves('scheduling.k8s.io', 'priorityclasses')) return SYSTEM_PRIORITY_CLASSES;
  return server.store.list(PRIORITY_CLASSES_KEY).items.map((o: KubeObject) => ({
    name: o.metadata.name ?? '',
    value: Number(o.value ?? 0),
    globalDefault: o.globalDefault === true,
    preemptionPolicy: typeof o.preemptionPolicy === 'string' ? o.preemptionPolicy : undefined,
  }));
}

/** findPriorityClass looks a class up by name, system classes included. */
export function findPriorityClass(server: ApiServer, name: string): PriorityClassInfo | undefined {
  return storedClasses(server).find((c) => c.name === name) ?? SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name);
}

/** globalDefaultClass is the lowest-valued class marked globalDefault, as getDefaultPriorityClass picks. */
export function globalDefaultClass(server: ApiServer): PriorityClassInfo | undefined {
  let best: PriorityClassInfo | undefined;
  for (const c of storedClasses(server)) if (c.globalDefault && (!best || c.value < best.value)) best = c;
  return best;
}

/** priorityAdmission returns the plugin. */
export function priorityAdmission(server: ApiServer): AdmissionPlugin {
  return {
    name: 'Priority',
    admit(attrs) {
      if (!isPodCreate(attrs)) return;
      const pod = attrs.object as unknown as Pod;
      if (!pod.spec) return;
      const className = pod.spec.priorityClassName;
      const pc = className ? findPriorityClass(server, className) : globalDefaultClass(server);
      if (className && !pc) throw forbiddenPod(attrs, `no PriorityClass with name ${className} was found`);
      if (!pc) return defaultPodPriority(pod);
      if (pod.spec.priority !== undefined && pod.spec.priority !== pc.value) {
        throw forbiddenPod(attrs, `the integer value of priority (${pod.spec.priority}) must not be provided in pod spec; priority admission controller computed ${pc.value} from the given PriorityClass name`);
      }
      pod.spec.priority = pc.value;
      if (!className) pod.spec.priorityClassName = pc.name;
      pod.spec.preemptionPolicy ??= (pc.preemptionPolicy as 'PreemptLowerPriority' | 'Never' | undefined) ?? 'PreemptLowerPriority';
    },
  };
}
