import { describe, expect, it } from 'vitest';
import { fieldErrorMessage } from '../status.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta.ts';

describe('validateObjectMeta', () => {
  it('checks namespace presence, labels and annotations', () => {
    const errs = validateObjectMeta(
      { name: 'web', labels: { 'app name': 'web', tier: 'front end' }, annotations: { 'bad key!': 'x' } },
      true,
      nameIsDNSSubdomain,
    ).map(fieldErrorMessage);
    expect(errs).toEqual([
      'metadata.namespace: Required value',
      `metadata.labels: Invalid value: "app name": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `metadata.labels: Invalid value: "front end": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      `metadata.annotations: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });

  it('forbids a namespace on cluster-scoped kinds', () => {
    expect(validateObjectMeta({ name: 'node01', namespace: 'default' }, false, nameIsDNSSubdomain).map(fieldErrorMessage)).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });

  it('lets generateName end with a dash', () => {
    expect(validateObjectMeta({ generateName: 'web-', name: 'web-x7k2p', namespace: 'default' }, true, nameIsDNSSubdomain)).toEqual([]);
  });
});

describe('validateObjectMetaUpdate', () => {
  it('keeps identity immutable and requires a resourceVersion', () => {
    const old = { name: 'a', namespace: 'default', uid: 'u1', resourceVersion: '4' };
    expect(validateObjectMetaUpdate({ name: 'b', namespace: 'default', uid: 'u1' }, old).map(fieldErrorMessage)).toEqual([
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      'metadata.name: Invalid value: "b": field is immutable',
    ]);
  });
});
