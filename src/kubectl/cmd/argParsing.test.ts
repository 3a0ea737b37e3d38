import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { extractFileSpec } from './cp.ts';
import { parsePairs, splitResourcesAndPairs } from './metadataUpdate.ts';
import { allContainerNames, byLogging, defaultContainer } from './podTargets.ts';
import { parseCondition } from './wait.ts';

const LABELS = { field: 'labels', noun: 'label', done: 'labeled' } as const;

describe('label/annotate arguments (GetResourcesAndPairs)', () => {
  it('splits resources from key=value and key- pairs', () => {
    expect(splitResourcesAndPairs(['pods', 'web', 'a=b', 'c-'], 'label')).toEqual({ resources: ['pods', 'web'], pairs: ['a=b', 'c-'] });
    expect(() => splitResourcesAndPairs(['pods', 'a=b', 'web'], 'label')).toThrow('error: all resources must be specified before label changes: web');
  });

  it('parses pairs and refuses a key both set and removed', () => {
    expect(parsePairs(['a=b', 'c-', 'e='], LABELS)).toEqual({ set: { a: 'b', e: '' }, remove: ['c'] });
    expect(() => parsePairs(['a=b', 'a-'], LABELS)).toThrow('error: can not both modify and remove a label in the same command');
  });
});

describe('kubectl cp file specs', () => {
  it('reads [[namespace/]pod:]path', () => {
    expect(extractFileSpec('f.txt')).toEqual({ namespace: '', pod: '', path: 'f.txt' });
    expect(extractFileSpec('web:/tmp/x')).toEqual({ namespace: '', pod: 'web', path: '/tmp/x' });
    expect(extractFileSpec('prod/web:/tmp/x')).toEqual({ namespace: 'prod', pod: 'web', path: '/tmp/x' });
    expect(() => extractFileSpec('a/b/c:/x')).toThrow('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
  });
});

describe('pod and container selection', () => {
  const pod: Pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: [{ name: 'a' }, { name: 'b' }], initContainers: [{ name: 'init' }] },
  };

  it('names containers like podcmd and defaults to the first', () => {
    expect(allContainerNames(pod)).toBe('a, b, init (init)');
    const warnings: string[] = [];
    expect(defaultContainer(pod, (t) => warnings.push(t)).name).toBe('a');
    expect(warnings).toEqual(['Defaulted container "a" out of: a, b, init (init)\n']);
    const annotated = { ...pod, metadata: { ...pod.metadata, annotations: { 'kubectl.kubernetes.io/default-container': 'b' } } };
    expect(defaultContainer(annotated, () => expect.fail('no warning expected')).name).toBe('b');
  });

  it('ranks running, ready pods first for logs', () => {
    const pending: Pod = { metadata: { name: 'pending' }, spec: { containers: [] }, status: { phase: 'Pending' } };
    const running: Pod = { metadata: { name: 'running' }, spec: { nodeName: 'n', containers: [] }, status: { phase: 'Running' } };
    const ready: Pod = { ...running, metadata: { name: 'ready' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    expect([pending, running, ready].sort(byLogging).map((p) => p.metadata?.name)).toEqual(['ready', 'running', 'pending']);
  });
});

describe('kubectl wait --for', () => {
  const obj = (status: object, generation = 1) => ({ metadata: { name: 'x', generation }, status }) as never;

  it('compares condition types and statuses case-insensitively', () => {
    const c = parseCondition('condition=ready');
    if (c.kind !== 'check') throw new Error('expected a check');
    expect(c.test(obj({ conditions: [{ type: 'Ready', status: 'True' }] }))).toBe(true);
    expect(c.test(obj({ conditions: [{ type: 'Ready', status: 'False' }] }))).toBe(false);
    const f = parseCondition('condition=Ready=false');
    if (f.kind !== 'check') throw new Error('expected a check');
    expect(f.test(obj({ conditions: [{ type: 'Ready', status: 'False' }] }))).toBe(true);
  });

  it('ignores conditions older than the generation', () => {
    const c = parseCondition('condition=Available');
    if (c.kind !== 'check') throw new Error('expected a check');
    expect(c.test(obj({ observedGeneration: 1, conditions: [{ type: 'Available', status: 'True' }] }, 2))).toBe(false);
  });

  it('matches jsonpath values and existence', () => {
    const v = parseCondition('jsonpath={.status.phase}=Running');
    const e = parseCondition('jsonpath={.status.podIP}');
    if (v.kind !== 'check' || e.kind !== 'check') throw new Error('expected checks');
    expect(v.test(obj({ phase: 'Running' }))).toBe(true);
    expect(v.test(obj({ phase: 'Pending' }))).toBe(false);
    expect(e.test(obj({}))).toBe(false);
    expect(e.test(obj({ podIP: '10.244.1.2' }))).toBe(true);
  });

  it('rejects unknown conditions with kubectl wording', () => {
    expect(parseCondition('delete')).toEqual({ kind: 'delete' });
    expect(() => parseCondition('foo')).toThrow('error: unrecognized condition: "foo"');
    expect(() => parseCondition('jsonpath={.a}=')).toThrow("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  });
});
