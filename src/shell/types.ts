/**
 * Public contracts of the shell: what a registered command sees (CommandIO),
 * the command signature, and the virtual filesystem it works against.
 * Nothing here knows about Kubernetes; hosts register `kubectl`, `curl`, ...
 */

/**
 * ShellSignal is the part of AbortSignal the shell relies on. A DOM, Worker or
 * Node AbortSignal satisfies it; we declare it ourselves so the shell compiles
 * with lib ES2022 only (no DOM, no Node types).
 */
export interface ShellSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** CommandIO is everything a command receives for one invocation. */
export interface CommandIO {
  /** argv[0] is the command name. */
  argv: string[];
  /** The whole stdin (pipes are buffered). */
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The shell's exported variables plus `A=1 cmd` prefixes; builtins may mutate. */
  env: Map<string, string>;
  cwd: string;
  fs: VirtualFS;
  /** Aborted on Ctrl-C or when `timeout N` expires. */
  signal: ShellSignal;
  /** Waits `ms` of host time (a virtual clock headless); rejects nothing, returns early when aborted. */
  sleep(ms: number): Promise<void>;
  /** False inside a pipe, a redirection or a command substitution. */
  isTTY: boolean;
}

/** Command is a registered program; it resolves to its exit status. */
export type Command = (io: CommandIO) => Promise<number>;

/** FileStat describes one entry of the virtual filesystem. */
export interface FileStat {
  type: 'file' | 'dir';
  size: number;
  /** Milliseconds since the epoch, from the host clock. */
  mtime: number;
  mode: number;
}

/**
 * VirtualFS is an in-memory POSIX-ish filesystem. Relative paths resolve
 * against `cwd`. Failures throw an FSError whose message is the errno text
 * (e.g. "No such file or directory") so commands can print GNU-style errors.
 */
export interface VirtualFS {
  read(path: string, cwd?: string): string;
  write(path: string, data: string, cwd?: string): void;
  append(path: string, data: string, cwd?: string): void;
  stat(path: string, cwd?: string): FileStat;
  /** Names (not paths) in a directory, sorted. */
  list(path: string, cwd?: string): string[];
  mkdir(path: string, opts?: { parents?: boolean }, cwd?: string): void;
  rm(path: string, opts?: { recursive?: boolean; force?: boolean }, cwd?: string): void;
  exists(path: string, cwd?: string): boolean;
  /** The absolute, normalised form of a path. */
  resolve(path: string, cwd?: string): string;
}

/** Completer proposes candidates for the word under the cursor of `cmd`'s argv. */
export type Completer = (args: { argv: string[]; word: string; cwd: string }) => string[];

/** OutputSink receives a run's terminal output. */
export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
}
