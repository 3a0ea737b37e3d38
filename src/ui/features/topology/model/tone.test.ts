import { describe, expect, it } from 'vitest';
import { podTone } from './tone.ts';

describe('podTone', () => {
  it('maps kubectl STATUS values to colour families', () => {
    expect(podTone('Running', true)).toBe('ready');
    expect(podTone('Running', false)).toBe('running');
    expect(podTone('ContainerCreating', false)).toBe('pending');
    expect(podTone('Init:0/1', false)).toBe('pending');
    expect(podTone('Init:CrashLoopBackOff', false)).toBe('failed');
    expect(podTone('CrashLoopBackOff', false)).toBe('failed');
    expect(podTone('ImagePullBackOff', false)).toBe('failed');
    expect(podTone('Terminating', true)).toBe('terminating');
    expect(podTone('Completed', false)).toBe('completed');
    expect(podTone('Whatever', false)).toBe('unknown');
  });
});
