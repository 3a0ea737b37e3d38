/**
 * The `-o json` printer: Go's json.MarshalIndent(obj, "", "    ") plus a newline
 * (cli-runtime printers/json.go). Field order is the object's own; Go's HTML-safe
 * escaping of <, > and & and of U+2028/U+2029 is reproduced.
 */
import { listOf } from './yaml.ts';

/** toJSON renders one value as kubectl's JSON printer does. */
export function toJSON(value: unknown): string {
  const text = JSON.stringify(value ?? null, null, 4)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
  return `${text}\n`;
}

/** printJSON renders objects as `kubectl get -o json`: one object as itself, several as a List. */
export function printJSON(objects: readonly unknown[]): string {
  return toJSON(objects.length === 1 ? objects[0] : listOf(objects));
}
