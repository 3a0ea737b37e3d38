import { describe, expect, it } from 'vitest';
import { StatusError, alreadyExists } from '../../core/api/status.ts';
import { Flags, parseFlags } from '../flags.ts';
import { formatError } from '../errors.ts';
import { LAST_APPLIED, dryRunStrategy, fieldValidation, sortedJSON, withLastApplied, withSource } from './objectWrites.ts';

const flags = (argv: string[]) =>
  new Flags(
    parseFlags(argv, [
      { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
      { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
    ]),
  );

describe('withLastApplied', () => {
  it('encodes a file object as sorted JSON with an empty annotations map, as kubectl apply does', () => {
    const obj = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', namespace: 'default' }, data: { b: '2', a: '1' } };
    const out = withLastApplied(obj);
    expect(out.metadata.annotations?.[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","data":{"a":"1","b":"2"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"a","namespace":"default"}}\n',
    );
    expect(obj.metadata).toEqual({ name: 'a', namespace: 'default' });
  });

  it('never nests an older last-applied value and keeps other annotations', () => {
    const obj = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a', annotations: { x: 'y', [LAST_APPLIED]: 'old' } } };
    const applied = withLastApplied(obj).metadata.annotations ?? {};
    expect(applied.x).toBe('y');
    expect(applied[LAST_APPLIED]).toBe('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"x":"y"},"name":"a"}}\n');
  });

  it('keeps Go struct order for generated (typed) objects and omits an empty annotations map', () => {
    const obj = { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'dev', creationTimestamp: null }, spec: {}, status: {} };
    const out = withLastApplied(obj as never, true);
    expect(Object.keys(out.metadata)).toEqual(['name', 'creationTimestamp', 'annotations']);
    expect(out.metadata.annotations?.[LAST_APPLIED]).toBe('{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"dev","creationTimestamp":null},"spec":{},"status":{}}\n');
  });
});

describe('flags shared by writing verbs', () => {
  it('reads --dry-run like GetDryRunStrategy', () => {
    expect(dryRunStrategy(flags([]))).toBe('none');
    expect(dryRunStrategy(flags(['--dry-run']))).toBe('client');
    expect(dryRunStrategy(flags(['--dry-run=server']))).toBe('server');
    expect(() => dryRunStrategy(flags(['--dry-run=maybe']))).toThrow('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".');
  });

  it('maps --validate onto fieldValidation', () => {
    expect(fieldValidation(flags([]))).toBe('Strict');
    expect(fieldValidation(flags(['--validate=false']))).toBe('Ignore');
    expect(fieldValidation(flags(['--validate=warn']))).toBe('Warn');
    expect(() => fieldValidation(flags(['--validate=loose']))).toThrow('invalid - validate option "loose"');
  });
});

describe('withSource', () => {
  it('names the file in server errors, as AddSourceToErr does', () => {
    const err = withSource(alreadyExists('apps', 'deployments', 'web'), 'creating', 'd.yaml');
    expect(err).toBeInstanceOf(StatusError);
    expect(formatError(err)).toBe('Error from server (AlreadyExists): error when creating "d.yaml": deployments.apps "web" already exists\n');
    expect(withSource(alreadyExists('', 'pods', 'x'), 'creating', '')).toEqual(alreadyExists('', 'pods', 'x'));
  });

  it('sorts keys at every level for sortedJSON', () => {
    expect(sortedJSON({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
