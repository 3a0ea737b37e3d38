import { describe, expect, it } from 'vitest';
import { isStatusError } from '../../core/api/status.ts';
import { decodeProtobufObject } from './protobuf.ts';
import { CONFIGMAP, DEPLOYMENT, NAMESPACE, SSAR } from './testdata/protobufBodies.ts';

const bytes = (hex: string) => Buffer.from(hex, 'hex');

describe('decodeProtobufObject (bodies captured from the real kubectl)', () => {
  it('decodes the SelfSubjectAccessReview of `auth can-i list pods -n kube-system`', () => {
    expect(decodeProtobufObject(bytes(SSAR))).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'kube-system', verb: 'list', resource: 'pods' } },
    });
  });

  it('decodes `create deployment pb --image=nginx:1.25 --replicas=0`, keeping replicas 0', () => {
    expect(decodeProtobufObject(bytes(DEPLOYMENT))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'pb', labels: { app: 'pb' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'pb' } },
        template: {
          metadata: { labels: { app: 'pb' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: {} }] },
        },
        strategy: {},
      },
    });
  });

  it('decodes ConfigMap data and a Namespace', () => {
    expect(decodeProtobufObject(bytes(CONFIGMAP))).toEqual({
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'pbc' }, data: { a: 'b' },
    });
    expect(decodeProtobufObject(bytes(NAMESPACE))).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'pbns' } });
  });

  it('answers 415 for bodies without the envelope or of kinds it does not know', () => {
    const noMagic = (() => { try { decodeProtobufObject(bytes('0a00')); } catch (e) { return e; } })();
    expect(isStatusError(noMagic) && noMagic.code).toBe(415);
    // "k8s\0" + Unknown{typeMeta{apiVersion:"batch/v1", kind:"Job"}}
    const job = '6b387300' + '0a0f' + '0a08' + Buffer.from('batch/v1').toString('hex') + '1203' + Buffer.from('Job').toString('hex');
    const err = (() => { try { decodeProtobufObject(bytes(job)); } catch (e) { return e; } })();
    expect(isStatusError(err) && err.status.reason).toBe('UnsupportedMediaType');
    expect((err as Error).message).toContain('got Job');
  });
});
