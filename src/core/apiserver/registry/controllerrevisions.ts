/**
 * controllerrevisions: apps/v1 ControllerRevision (pkg/registry/apps/controllerrevision):
 * an immutable snapshot of a DaemonSet's or StatefulSet's template (`data`, a strategic
 * merge patch) numbered by `revision`. No status, no generation, no short name.
 */
import { define } from './define.ts';

export const controllerrevisions = define({
  group: 'apps',
  version: 'v1',
  resource: 'controllerrevisions',
  kind: 'ControllerRevision',
  namespaced: true,
});
