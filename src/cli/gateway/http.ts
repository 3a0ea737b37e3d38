/**
 * Small HTTP helpers for the gateway: read a request body, answer JSON, and turn any
 * failure into a metav1.Status body whose HTTP code equals `status.code`, as the real
 * apiserver's responsewriters.ErrorNegotiated does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStatusError, type Status } from '../../core/api/status.ts';

/** MAX_BODY_BYTES bounds a request body (the real apiserver's limit is 3 MiB for most writes). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** readBody collects a request body as bytes (protobuf bodies are not UTF-8). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(statusFailure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** sendJSON answers with a JSON body. */
export function sendJSON(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** sendText answers with a text/plain body (pod logs). */
export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** statusFailure builds a failure Status as a throwable value. */
export function statusFailure(code: number, reason: Status['reason'], message: string): { status: Status } {
  return { status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code } };
}

/** statusOf turns any thrown value into the Status the client should see. */
export function statusOf(err: unknown): Status {
  if (isStatusError(err)) return err.status;
  if (err && typeof err === 'object' && 'status' in err) {
    const s = (err as { status: unknown }).status;
    if (s && typeof s === 'object' && (s as Status).kind === 'Status') return s as Status;
  }
  const message = err instanceof Error ? err.message : String(err);
  return statusFailure(500, 'InternalError', `Internal error occurred: ${message}`).status;
}

/** sendError answers with a Status body; the HTTP code is the Status code. */
export function sendError(res: ServerResponse, err: unknown): void {
  const status = statusOf(err);
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJSON(res, status.code || 500, status);
}

/** notFoundStatus is the router's 404 for an unknown path (the real apiserver's wording). */
export function notFoundStatus(): { status: Status } {
  return {
    status: {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404,
    },
  };
}
