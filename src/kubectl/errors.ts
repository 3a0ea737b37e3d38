/**
 * How kubectl prints failures (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go,
 * checkErr / StandardErrorMessage / MultilineError).
 */
import { isStatusError, type StatusError } from '../core/api/status.ts';

/** CommandError is a failure already phrased for the terminal (printed as is, exit 1). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** UsageFailure is a flag or argument error: printed with kubectl's "See ... --help" line. */
export class UsageFailure extends Error {}

/** formatError renders any thrown error the way kubectl's checkErr does. */
export function formatError(err: unknown): string {
  if (err instanceof CommandError) return ensureNewline(err.message);
  if (isStatusError(err)) return formatStatusError(err);
  return `error: ${(err as Error)?.message ?? String(err)}\n`;
}

/** formatStatusError: Invalid errors are rephrased from details; others get "Error from server (Reason): ". */
export function formatStatusError(err: StatusError): string {
  const st = err.status;
  if (st.reason === 'Invalid' && st.details) {
    const d = st.details;
    const head = d.kind || d.name ? `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid` : 'The request is invalid';
    const causes = d.causes ?? [];
    if (causes.length === 0) return `${head}: ${st.message}\n`;
    const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? '')));
    if (lines.length === 1) return `${head}: ${lines[0]}\n`;
    return `${head}: \n${lines.map((l) => `* ${l}`).join('\n')}\n`;
  }
  return `${serverErrorPrefix(err)}${st.message}\n`;
}

/** serverErrorPrefix is "Error from server (NotFound): " (or without the reason when it is unknown). */
export function serverErrorPrefix(err: StatusError): string {
  const reason = err.status.reason;
  return reason ? `Error from server (${reason}): ` : 'Error from server: ';
}

/** formatResourceError is the resource-builder wording: `Error from server (NotFound): error when deleting "x.yaml": ...`. */
export function formatResourceError(err: unknown, verb: string, source: string): string {
  if (isStatusError(err)) return `${serverErrorPrefix(err)}error when ${verb} "${source}": ${err.status.message}\n`;
  return formatError(err);
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
