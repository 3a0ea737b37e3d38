/** Fidelity sweep, offline output: dry-run generators, run, --local edits and create -f match the real kubectl. */
import { fidelitySuite } from './fidelity.ts';

fidelitySuite('kubectl offline output matches the real kubectl v1.32', ['output', 'run', 'local', 'files']);
