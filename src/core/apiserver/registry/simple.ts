/**
 * Resources with no special strategy: ConfigMap, Secret, ServiceAccount, Endpoints,
 * EndpointSlice, Lease, and both Event APIs.
 */
import type { Event, Secret } from '../../api/types.ts';
import { eventCoreToV1, eventV1ToCore } from '../../api/eventConversion.ts';
import { define } from './define.ts';
import { shareEventParts } from './eventSharing.ts';

export const configmaps = define({ group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] });

export const secrets = define({
  group: '',
  version: 'v1',
  resource: 'secrets',
  kind: 'Secret',
  namespaced: true,
  fieldLabels: (o) => ({ type: (o as Secret).type ?? '' }),
});

export const serviceaccounts = define({
  group: '',
  version: 'v1',
  resource: 'serviceaccounts',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  subresources: ['token'],
});

export const endpoints = define({ group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'] });

export const endpointslices = define({
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  kind: 'EndpointSlice',
  namespaced: true,
});

export const leases = define({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true });

/** REFERENCE_FIELDS are the ObjectReference fields an Event's field selectors may use. */
const REFERENCE_FIELDS = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] as const;

/** referenceFieldLabels lists an Event's object reference (involvedObject, regarding) as field labels. */
function referenceFieldLabels(prefix: string, ref: Partial<Record<(typeof REFERENCE_FIELDS)[number], string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of REFERENCE_FIELDS) out[`${prefix}.${f}`] = ref?.[f] ?? '';
  return out;
}

export const events = define({
  group: '',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  prepareForCreate: shareEventParts,
  fieldLabels: (o) => {
    const e = o as unknown as Event;
    return {
      ...referenceFieldLabels('involvedObject', e.involvedObject),
      reason: e.reason ?? '',
      reportingComponent: e.reportingComponent ?? '',
      source: e.source?.component ?? '',
      type: e.type ?? '',
    };
  },
});

/**
 * eventsV1 is the events.k8s.io/v1 view of the same Events: one storage, converted on the
 * way in and out (pkg/apis/events/v1/conversion.go). Its field selectors are the core ones
 * under their events.k8s.io names (regarding.*, reportingController; the field label
 * conversions tested in pkg/api/testing/field_label_conversion_test.go).
 */
export const eventsV1 = define({
  group: 'events.k8s.io',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  storedAs: { group: '', resource: 'events', toStored: eventV1ToCore, fromStored: eventCoreToV1 },
  fieldLabels: (o) => {
    const e = o as unknown as { regarding?: Record<string, string | undefined>; reason?: string; reportingController?: string; type?: string };
    return {
      ...referenceFieldLabels('regarding', e.regarding),
      reason: e.reason ?? '',
      reportingController: e.reportingController ?? '',
      type: e.type ?? '',
    };
  },
});
