/** Errors raised while parsing and running shell code. */

/**
 * ShellSyntaxError is a parse failure. `incomplete` means more input could
 * complete it (open quote, here-document, `if` without `fi`, trailing `|`),
 * which is what the interactive prompt asks through needsMoreInput().
 */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly incomplete: boolean,
    /** token is the unexpected token ("newline", ")"); undefined for an unexpected end of input. */
    readonly token?: string,
    /** expecting is the reserved word the parser wanted at an unexpected end of input ("fi", "done"). */
    readonly expecting?: string,
  ) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

/** unexpectedToken builds bash's "syntax error near unexpected token `X'". */
export function unexpectedToken(token: string): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error near unexpected token \`${token}'`, false, token);
}

/** unexpectedEOF is bash's message when a compound command is left open. */
export function unexpectedEOF(expecting?: string): ShellSyntaxError {
  return new ShellSyntaxError('syntax error: unexpected end of file', true, undefined, expecting);
}

/** ShellRuntimeError aborts the current command list with a message and status (e.g. `${X:?}`). */
export class ShellRuntimeError extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
    this.name = 'ShellRuntimeError';
  }
}

/** RedirectError is a redirection whose file could not be opened; each shell words it its own way. */
export class RedirectError extends ShellRuntimeError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'RedirectError';
  }
}
