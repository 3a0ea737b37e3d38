import { describe, expect, it } from 'vitest';
import { diagnosticsFor, findErrorMentions, parseFieldPath } from './diagnostics.ts';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ""
        ports:
        - containerPort: 80
`;

describe('parseFieldPath', () => {
  it('splits fields, indexes and map keys', () => {
    expect(parseFieldPath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
});

describe('findErrorMentions', () => {
  it('reads a single validation cause from apply', () => {
    const text = 'The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value\n';
    expect(findErrorMentions(text)).toEqual([
      { path: 'spec.template.spec.containers[0].image', message: 'spec.template.spec.containers[0].image: Required value', kind: 'Deployment', name: 'web' },
    ]);
  });

  it('reads several causes, bulleted or bracketed', () => {
    const bulleted = 'The Deployment "web" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.selector: Required value\n';
    expect(findErrorMentions(bulleted).map((m) => m.path)).toEqual(['spec.replicas', 'spec.selector']);
    const bracketed =
      'Error from server (Invalid): error when creating "web.yaml": Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]';
    expect(findErrorMentions(bracketed).map((m) => [m.path, m.kind, m.name])).toEqual([
      ['spec.replicas', 'Deployment', 'web'],
      ['spec.template.spec.containers[0].image', 'Deployment', 'web'],
    ]);
  });

  it('reads strict decoding and type errors', () => {
    const strict = 'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"';
    expect(findErrorMentions(strict)).toEqual([{ path: 'spec.replica', message: 'unknown field "spec.replica"', kind: 'Deployment' }]);
    const typed = 'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32';
    expect(findErrorMentions(typed)[0].path).toBe('spec.replicas');
  });
});

describe('diagnosticsFor', () => {
  it('puts a validation error on the line of its field', () => {
    const d = diagnosticsFor('The Deployment "web" is invalid: spec.template.spec.containers[0].image: Required value', deployment);
    expect(d).toEqual([{ line: 17, message: 'spec.template.spec.containers[0].image: Required value', path: 'spec.template.spec.containers[0].image' }]);
  });

  it('puts a missing field on its parent', () => {
    const d = diagnosticsFor('The Deployment "web" is invalid: spec.strategy.rollingUpdate: Required value', deployment);
    expect(d[0].line).toBe(5);
  });

  it('finds the named object in a multi-document file', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n${deployment}`;
    const d = diagnosticsFor('Error from server (BadRequest): error when creating "x.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicas"', text);
    expect(d[0].line).toBe(11);
  });

  it('keeps a message with no path on the first line of the file', () => {
    expect(diagnosticsFor('error: the path "nope.yaml" does not exist', deployment)).toEqual([{ line: 1, message: 'error: the path "nope.yaml" does not exist' }]);
  });
});
