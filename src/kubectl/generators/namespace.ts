/**
 * `kubectl create namespace NAME` and `kubectl create serviceaccount NAME`: the two
 * generators that take nothing but a name (create_namespace.go, create_serviceaccount.go).
 */
import type { GeneratorContext } from './context.ts';
import { objectMeta, type GeneratedObject } from './meta.ts';
import { exactlyOneName } from './usageError.ts';

/** generateNamespace builds the v1 Namespace kubectl would create (never namespaced itself). */
export function generateNamespace(args: string[], _flags: Record<string, never> = {}, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  return { kind: 'Namespace', apiVersion: 'v1', metadata: objectMeta(name, ctx, { namespaced: false }), spec: {}, status: {} };
}

/** generateServiceAccount builds the v1 ServiceAccount kubectl would create. */
export function generateServiceAccount(args: string[], _flags: Record<string, never> = {}, ctx?: GeneratorContext): GeneratedObject {
  const name = exactlyOneName(args);
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta(name, ctx) };
}
