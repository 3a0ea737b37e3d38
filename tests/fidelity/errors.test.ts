/** Fidelity sweep, failures: unknown commands, flag errors and usage errors match the real kubectl. */
import { fidelitySuite } from './fidelity.ts';

fidelitySuite('kubectl command, flag and usage errors match the real kubectl v1.32', ['commands', 'flags', 'usage']);
