/**
 * The wire between the UI thread and the cluster worker: types only, plus small codecs.
 */
export * from './version.ts';
export * from './objects.ts';
export * from './requests.ts';
export * from './messages.ts';
export * from './persisted.ts';
export * from './codec.ts';
