import { describe, expect, it } from 'vitest';
import { checkPersistedState, unwrapMessage, unwrapRequest, wrap } from './codec.ts';
import { STATE_FORMAT, type PersistedState } from './persisted.ts';
import { PROTOCOL_VERSION } from './version.ts';

const state: PersistedState = {
  format: STATE_FORMAT,
  protocolVersion: PROTOCOL_VERSION,
  kubernetesVersion: 'v1.32.2',
  savedAt: 0,
  seed: 1,
  startTime: 0,
  now: 600_000,
  speed: 1,
  paused: false,
  journal: [{ at: 1, kind: 'run', tab: '1', input: 'kubectl get pods', endAt: 1 }],
  baseFiles: {},
  files: { 'web.yaml': 'kind: Pod\n' },
  history: ['kubectl get pods'],
};

describe('envelopes', () => {
  it('round-trips a request and a message in the current version', () => {
    expect(unwrapRequest(wrap({ type: 'clock.pause' }))).toEqual({ type: 'clock.pause' });
    expect(unwrapMessage(wrap({ type: 'objects.reset' }))).toEqual({ type: 'objects.reset' });
  });

  it('ignores other versions and foreign messages', () => {
    expect(unwrapRequest({ v: PROTOCOL_VERSION + 1, msg: { type: 'clock.pause' } })).toBeUndefined();
    expect(unwrapRequest({ type: 'clock.pause' })).toBeUndefined();
    expect(unwrapMessage('hello')).toBeUndefined();
    expect(unwrapMessage({ v: PROTOCOL_VERSION, msg: { kind: 'x' } })).toBeUndefined();
  });
});

describe('checkPersistedState', () => {
  it('accepts a state of this version', () => {
    expect(checkPersistedState(state, 'v1.32.2')).toEqual({ ok: true, state });
  });

  it('gives the reason it cannot load another version or another blob', () => {
    expect(checkPersistedState({ ...state, protocolVersion: 0 }, 'v1.32.2')).toEqual({ ok: false, reason: `it was saved by kubeplay state version 0, this is version ${PROTOCOL_VERSION}` });
    expect(checkPersistedState(state, 'v1.33.0')).toEqual({ ok: false, reason: 'it was saved with Kubernetes v1.32.2, this playground runs v1.33.0' });
    expect(checkPersistedState({ hello: 1 }, 'v1.32.2')).toEqual({ ok: false, reason: 'the saved data is not a kubeplay state' });
    expect(checkPersistedState({ ...state, journal: undefined }, 'v1.32.2')).toEqual({ ok: false, reason: 'the saved data is incomplete' });
  });
});
