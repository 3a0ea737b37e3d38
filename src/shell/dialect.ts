/**
 * ShellDialect: how a shell words its own diagnostics. The interpreter is one (bash-like)
 * language; what differs between the terminal's bash, busybox/alpine `sh` (ash) and
 * Debian-based images' `sh` (dash) is what they print when a command is missing, a file
 * cannot be opened or the input does not parse — which learners meet first in
 * `kubectl exec POD -- sh -c '...'`. Modelled on bash 5.2, busybox 1.36 ash and dash 0.5.12.
 */
import type { RedirectError, ShellSyntaxError } from './errors.ts';

/** ShellDialect formats a shell's error lines (without the trailing newline). */
export interface ShellDialect {
  name: 'bash' | 'ash' | 'dash';
  /** prefix starts every diagnostic: "bash: ", "sh: ", dash's "sh: 1: " (with the line number). */
  prefix: string;
  /** commandNotFound: `foo` is neither builtin nor on PATH (exit 127). */
  commandNotFound(name: string): string;
  /** missingPath: a command given as a path that does not exist (exit 127). */
  missingPath(path: string): string;
  /** cannotOpen: a redirection's file could not be opened. */
  cannotOpen(err: RedirectError): string;
  /** redirectStatus is the exit status after a failed redirection (dash: 2, others: 1). */
  redirectStatus: number;
  /** cannotOpenScript: `sh FILE` where FILE cannot be read. */
  cannotOpenScript(shell: string, path: string, reason: string): string;
  /** syntaxError: the input does not parse (exit 2). */
  syntaxError(err: ShellSyntaxError): string;
}

/** BASH is the terminal's shell (and `bash` in Debian-based images). */
export const BASH: ShellDialect = {
  name: 'bash',
  prefix: 'bash: ',
  commandNotFound: (name) => `bash: ${name}: command not found`,
  missingPath: (path) => `bash: ${path}: No such file or directory`,
  cannotOpen: (err) => `bash: ${err.message}`,
  redirectStatus: 1,
  cannotOpenScript: (shell, path, reason) => `${shell}: ${path}: ${reason}`,
  syntaxError: (err) => `bash: ${err.message}`,
};

/** ASH is busybox's ash: `sh` in busybox and alpine images. */
export const ASH: ShellDialect = {
  name: 'ash',
  prefix: 'sh: ',
  commandNotFound: (name) => `sh: ${name}: not found`,
  missingPath: (path) => `sh: ${path}: not found`,
  cannotOpen: (err) => `sh: can't open '${err.path}': ${err.reason}`,
  redirectStatus: 1,
  cannotOpenScript: (shell, path, reason) => `${shell}: can't open '${path}': ${reason}`,
  syntaxError: (err) =>
    unterminatedQuote(err)
      ? 'sh: syntax error: unterminated quoted string'
      : err.token === undefined
        ? `sh: syntax error: unexpected end of file${expecting(err)}`
        : `sh: syntax error: unexpected ${ashToken(err.token)}`,
};

/** DASH is Debian's dash: `sh` in nginx, httpd, redis, python... (Debian-based) images. */
export const DASH: ShellDialect = {
  name: 'dash',
  // dash names the script line; one-line `sh -c` scripts and each interactive line are line 1 here.
  prefix: 'sh: 1: ',
  commandNotFound: (name) => `sh: 1: ${name}: not found`,
  missingPath: (path) => `sh: 1: ${path}: not found`,
  cannotOpen: (err) => `sh: 1: cannot open ${err.path}: ${dashReason(err.reason)}`,
  redirectStatus: 2,
  cannotOpenScript: (shell, path, reason) => `${shell}: 0: cannot open ${path}: ${dashReason(reason)}`,
  syntaxError: (err) =>
    unterminatedQuote(err)
      ? 'sh: 1: Syntax error: Unterminated quoted string'
      : err.token === undefined
        ? `sh: 1: Syntax error: end of file unexpected${expecting(err)}`
        : `sh: 1: Syntax error: ${dashToken(err.token)} unexpected`,
};

/** dialectByName picks a dialect; unknown names are bash. */
export function dialectByName(name: string | undefined): ShellDialect {
  if (name === 'ash') return ASH;
  if (name === 'dash') return DASH;
  return BASH;
}

/** expecting is the ` (expecting "fi")` both ash and dash add when a compound command is left open. */
function expecting(err: ShellSyntaxError): string {
  return err.expecting ? ` (expecting "${err.expecting}")` : '';
}

function unterminatedQuote(err: ShellSyntaxError): boolean {
  return err.message.startsWith('unexpected EOF while looking for matching');
}

/** ashToken is ash's tokname: keywords and operators quoted, a newline as "newline". */
function ashToken(token: string): string {
  return token === 'newline' ? 'newline' : `"${token}"`;
}

/** dashToken is dash's tokname: `"X"`, a newline spelled out. */
function dashToken(token: string): string {
  return token === 'newline' ? 'newline' : `"${token}"`;
}

/** dashReason shortens errno text as dash's errmsg does ("No such file or directory" → "No such file"). */
function dashReason(reason: string): string {
  return reason === 'No such file or directory' ? 'No such file' : reason;
}
