/** Fidelity sweep, help texts: `kubectl ... -h` and bare parent commands match the real kubectl. */
import { fidelitySuite } from './fidelity.ts';

fidelitySuite('kubectl help matches the real kubectl v1.32', ['help']);
