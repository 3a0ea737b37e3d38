/**
 * inspectObject answers the inspector about one object: the stored object, its YAML as
 * kubectl's printer writes it, the `kubectl describe` text (run in a session of its own, out
 * of every terminal's history), and for a pod the scheduler's decision record ("why this
 * node / why Pending", src/core/scheduler/decision.ts).
 */
import type { Cluster } from '../core/sim/cluster.ts';
import type { SchedulingDecision } from '../core/scheduler/decision.ts';
import { toYAML } from '../kubectl/printers/yaml.ts';
import type { WorkerMessage } from '../protocol/messages.ts';
import type { ObjectRef } from '../protocol/objects.ts';
import type { TerminalSession } from '../session/session.ts';

/** inspectObject builds the `inspect.result` for request `id`. */
export async function inspectObject(cluster: Cluster, inspector: TerminalSession, id: number, ref: ObjectRef): Promise<Extract<WorkerMessage, { type: 'inspect.result' }>> {
  const { group, resource, namespace, name } = ref;
  const object = cluster.client().tryGet({ group, resource }, namespace, name);
  let describe = '';
  const target = group ? `${resource}.${group}` : resource;
  const ns = namespace ? ` -n '${namespace}'` : '';
  await inspector.run(`kubectl describe ${target} '${name}'${ns}`, { stdout: (d) => (describe += d), stderr: (d) => (describe += d) });
  const yaml = object ? toYAML(object) : undefined;
  const scheduler = group === '' && resource === 'pods' ? cluster.services.get('scheduler') : undefined;
  const scheduling = (scheduler as { decisionFor?(ns: string, n: string): SchedulingDecision | undefined } | undefined)?.decisionFor?.(namespace, name);
  return { type: 'inspect.result', id, object, describe, ...(yaml ? { yaml } : {}), ...(scheduling ? { scheduling } : {}) };
}
