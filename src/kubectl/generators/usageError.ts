/**
 * UsageError: how a generator refuses its input, in kubectl's own words.
 *
 * kubectl prints a failed command in one of a few shapes, decided by where the error
 * came from (cmdutil.CheckErr, cmdutil.UsageErrorf, cobra's required-flag check):
 *   usage     "error: <msg>\nSee 'kubectl <cmd> -h' for help and examples"  (UsageErrorf)
 *   error     "error: <msg>"                                                (CheckErr on a plain error)
 *   raw       "<msg>"                       (CheckErr on API-ish errors, e.g. a RESTMapper miss)
 *   required  klog line from component-base/cli/run.go for cobra's required flags
 * All of them exit with code 1.
 */

/** ErrorStyle is the shape kubectl prints an error in (see the file comment). */
export type ErrorStyle = 'usage' | 'error' | 'raw' | 'required';

/** UsageError is thrown by generators for bad flags or arguments. */
export class UsageError extends Error {
  readonly style: ErrorStyle;

  constructor(message: string, style: ErrorStyle = 'error') {
    super(message);
    this.name = 'UsageError';
    this.style = style;
  }
}

/** requiredFlagsError is cobra's error when flags marked required are missing. */
export function requiredFlagsError(flags: string[]): UsageError {
  return new UsageError(`required flag(s) ${flags.map((f) => `"${f}"`).join(', ')} not set`, 'required');
}

/** exactlyOneNameError is create's NameFromCommandArgs failure ("exactly one NAME is required, got N"). */
export function exactlyOneName(args: string[]): string {
  if (args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${args.length}`, 'usage');
  return args[0];
}

/**
 * renderUsageError formats err as kubectl writes it to stderr (with trailing newline).
 * `commandPath` is the command without "kubectl", e.g. "create deployment"; `klogPrefix`
 * is the klog header ("E1122 05:34:02.227961    4519 ") the caller builds from its clock.
 */
export function renderUsageError(err: UsageError, commandPath: string, klogPrefix = 'E0000 00:00:00.000000       0 '): string {
  switch (err.style) {
    case 'usage':
      return `error: ${err.message}\nSee 'kubectl ${commandPath} -h' for help and examples\n`;
    case 'raw':
      return `${err.message}\n`;
    case 'required':
      return `${klogPrefix}run.go:72] "command failed" err=${JSON.stringify(err.message)}\n`;
    default:
      return `error: ${err.message}\n`;
  }
}
