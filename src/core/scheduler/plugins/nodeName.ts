/**
 * NodeName (pkg/scheduler/framework/plugins/nodename): a pod that names a node fits only there.
 */
import { SKIP, unresolvable, type FilterPlugin } from '../types.ts';

/** ERR_REASON_NODE_NAME is the reason shown for every other node. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** nodeName is the NodeName filter plugin. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  preFilter(_ctx, pod) {
    return pod.spec?.nodeName ? undefined : SKIP;
  },
  filter(_ctx, pod, nodeInfo) {
    const wanted = pod.spec?.nodeName;
    if (!wanted || wanted === nodeInfo.name) return undefined;
    return unresolvable(ERR_REASON_NODE_NAME);
  },
};
