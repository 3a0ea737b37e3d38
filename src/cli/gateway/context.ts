/**
 * GatewayContext: what the gateway's handlers share — the cluster client (the only door to
 * the API server), the version to report, and a way to let the cluster settle after a write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiSchema } from '../../core/api/schema/index.ts';
import type { Client } from '../../core/client/client.ts';

/** GatewayContext is shared by every request. */
export interface GatewayContext {
  /** client talks to the cluster; plain http carries no credentials, so everyone is the admin. */
  client: Client;
  /** gitVersion is reported by /version and the OpenAPI documents, e.g. `v1.32.2`. */
  gitVersion: string;
  /** schema feeds the OpenAPI documents (kubectl explain, create/apply validation). */
  schema?: ApiSchema;
  /** settle runs everything due at the current virtual instant (controllers react to a write). */
  settle(): void;
  /** serverAddress is `127.0.0.1:PORT`, for legacy /api discovery. */
  serverAddress(): string;
}

/** RequestContext is one request: its parsed URL, headers and response. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  query: URLSearchParams;
  accept: string | undefined;
  contentType: string | undefined;
}
