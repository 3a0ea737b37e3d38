import type { ShellDialect } from './dialect.ts';
import type { History } from './history.ts';
import type { Command, ShellSignal, VirtualFS } from './types.ts';

/** Limits keep runaway scripts from freezing the tab; each breach is reported, not thrown. */
export interface Limits {
  loopIterations: number;
  commands: number;
  functionDepth: number;
}

/** Host is what the interpreter needs from the Shell that owns it. */
export interface Host {
  commands: Map<string, Command>;
  fs: VirtualFS;
  /** sleep waits ms of host time; it may return early once `signal` aborts (nobody waits any more). */
  sleep(ms: number, signal?: ShellSignal): Promise<void>;
  now(): number;
  history: History;
  home: string;
  hostname: string;
  user: string;
  pid: number;
  limits: Limits;
  /** dialect words the shell's own errors (bash on the terminal, ash or dash in containers). */
  dialect: ShellDialect;
  /** Commands executed in the current run (shared by subshells). */
  budget: { commands: number };
}

