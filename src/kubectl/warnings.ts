/**
 * Server warnings as kubectl prints them (client-go's WarningWriter: one `Warning: <text>`
 * line on stderr per distinct message, `Warning:` in bold yellow when stderr is a colour
 * terminal). The API server sends them for deprecated resources and drain prints its own
 * in the same form.
 */
import type { Invocation } from './command.ts';

/** warningPrefix is `Warning:`, bold yellow on a colour terminal (TERM not "dumb"). */
export function warningPrefix(inv: Invocation): string {
  const color = inv.ctx.isTTY && inv.ctx.env.get('TERM') !== 'dumb';
  return color ? '\x1b[33;1mWarning:\x1b[0m' : 'Warning:';
}

/** printWarning writes one warning line to stderr. */
export function printWarning(inv: Invocation, message: string): void {
  inv.ctx.stderr(`${warningPrefix(inv)} ${message}\n`);
}
