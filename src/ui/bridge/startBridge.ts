/**
 * startBridge starts the cluster worker as the very first thing the page evaluates: main.tsx
 * imports it before React and the app, so the worker (whose boot is the longest step to the
 * first prompt) downloads, compiles and builds the cluster while the main thread is still
 * evaluating React and rendering. Messages cannot be lost meanwhile: the Bridge listens from
 * construction, and subscribers attach in the same task.
 */
import { createWorkerBridge } from './bridge.ts';

/** bridge is the page's one Bridge to the cluster worker. */
export const bridge = createWorkerBridge();
