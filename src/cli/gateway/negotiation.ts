/**
 * Content negotiation: which representation a request's `Accept` header asks for.
 *
 * kubectl asks for Tables with
 *   `application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json`
 * and for aggregated discovery with `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,...`.
 * Like k8s.io/apiserver/pkg/endpoints/handlers/negotiation, the first acceptable media range
 * wins; JSON is always acceptable because every client offers it (or `*\/*`).
 */

/** MediaRange is one comma-separated entry of an Accept header. */
export interface MediaRange {
  type: string;
  params: Record<string, string>;
}

/** parseAccept splits an Accept header into media ranges, in the client's order. */
export function parseAccept(accept: string | undefined): MediaRange[] {
  if (!accept) return [];
  return accept.split(',').map((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    const out: MediaRange = { type: type.toLowerCase(), params: {} };
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq > 0) out.params[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
    }
    return out;
  });
}

/** TABLE_CONTENT_TYPE is the Content-Type of a Table answer. */
export const TABLE_CONTENT_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/** wantsTable tells whether the first recognised media range asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  for (const r of parseAccept(accept)) {
    if (r.params.as === 'Table' && r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1')) return true;
    if (r.type === 'application/json' && !r.params.as) return false;
    if (r.type === '*/*' || r.type === 'application/*') return false;
  }
  return false;
}

/** aggregatedDiscoveryVersion returns 'v2' or 'v2beta1' when the client accepts aggregated discovery first. */
export function aggregatedDiscoveryVersion(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  for (const r of parseAccept(accept)) {
    if (r.params.as === 'APIGroupDiscoveryList' && r.params.g === 'apidiscovery.k8s.io') {
      if (r.params.v === 'v2' || r.params.v === 'v2beta1') return r.params.v;
      continue;
    }
    if (r.type === 'application/json' || r.type === '*/*') return undefined;
  }
  return undefined;
}

/** PATCH_TYPES maps patch Content-Types to the client's patch type names. */
export const PATCH_TYPES: Record<string, 'json' | 'merge' | 'strategic' | 'apply'> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/** mediaType strips parameters from a Content-Type: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
