import { describe, expect, it } from 'vitest';
import { routeRequest } from './requestRoute.ts';

describe('routeRequest', () => {
  it('routes version, health, discovery and OpenAPI paths', () => {
    expect(routeRequest('/version')).toEqual({ type: 'version' });
    expect(routeRequest('/readyz')).toEqual({ type: 'health', check: 'readyz' });
    expect(routeRequest('/healthz/ping')).toEqual({ type: 'health', check: 'healthz' });
    expect(routeRequest('/api')).toEqual({ type: 'apiVersions' });
    expect(routeRequest('/apis')).toEqual({ type: 'apiGroups' });
    expect(routeRequest('/apis/apps')).toEqual({ type: 'apiGroup', group: 'apps' });
    expect(routeRequest('/api/v1')).toEqual({ type: 'resourceList', group: '', version: 'v1' });
    expect(routeRequest('/apis/apps/v1/')).toEqual({ type: 'resourceList', group: 'apps', version: 'v1' });
    expect(routeRequest('/openapi/v3')).toEqual({ type: 'openapiIndex' });
    expect(routeRequest('/openapi/v3/api/v1')).toEqual({ type: 'openapiGroupVersion', group: '', version: 'v1' });
    expect(routeRequest('/openapi/v3/apis/apps/v1')).toEqual({ type: 'openapiGroupVersion', group: 'apps', version: 'v1' });
    expect(routeRequest('/openapi/v2')).toEqual({ type: 'openapiV2' });
    expect(routeRequest('/')).toEqual({ type: 'notFound' });
    expect(routeRequest('/metrics')).toEqual({ type: 'notFound' });
  });

  it('routes namespaced collections, objects and subresources', () => {
    expect(routeRequest('/api/v1/namespaces/default/pods')).toEqual({
      type: 'resource', group: '', version: 'v1', resource: 'pods', namespace: 'default',
    });
    expect(routeRequest('/apis/apps/v1/namespaces/default/deployments/web/scale')).toEqual({
      type: 'resource', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web', subresource: 'scale',
    });
    expect(routeRequest('/api/v1/namespaces/kube-system/pods/etcd-controlplane/log')).toMatchObject({
      resource: 'pods', namespace: 'kube-system', name: 'etcd-controlplane', subresource: 'log',
    });
  });

  it('routes cluster-wide lists and cluster-scoped objects', () => {
    expect(routeRequest('/api/v1/pods')).toEqual({ type: 'resource', group: '', version: 'v1', resource: 'pods' });
    expect(routeRequest('/api/v1/nodes/node01/status')).toEqual({
      type: 'resource', group: '', version: 'v1', resource: 'nodes', name: 'node01', subresource: 'status',
    });
  });

  it('treats namespaces/{ns}, /status and /finalize as the Namespace itself (requestinfo.go)', () => {
    expect(routeRequest('/api/v1/namespaces/dev')).toEqual({
      type: 'resource', group: '', version: 'v1', resource: 'namespaces', namespace: 'dev', name: 'dev',
    });
    expect(routeRequest('/api/v1/namespaces/dev/finalize')).toEqual({
      type: 'resource', group: '', version: 'v1', resource: 'namespaces', namespace: 'dev', name: 'dev', subresource: 'finalize',
    });
    expect(routeRequest('/api/v1/namespaces')).toEqual({ type: 'resource', group: '', version: 'v1', resource: 'namespaces' });
  });

  it('decodes escaped segments and rejects paths that are too deep', () => {
    expect(routeRequest('/api/v1/namespaces/default/configmaps/a%3Ab')).toMatchObject({ name: 'a:b' });
    expect(routeRequest('/api/v1/namespaces/default/pods/x/log/extra')).toEqual({ type: 'notFound' });
  });
});
