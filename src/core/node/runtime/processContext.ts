/**
 * ContainerContext is the ProcessContext a container's PID 1 sees. It is a class whose one
 * field is its process: every operation is a prototype method delegating to it, so an idle
 * container carries one small object instead of an object of ~15 closures (heap per pod,
 * bench/README.md).
 *
 * NOTE: a spread (`{ ...ctx, argv }`) of a class instance drops its prototype methods; a program
 * that hands over to another with a different argv passes the argv as a parameter (node.ts).
 */
import { Random } from '../../sim/random.ts';
import type { ContainerProcess } from './process.ts';
import { shellDialectFor } from './shellRunner.ts';
import type { AbortLike, Handler, LogStream, ProcessContext, Protocol, Signal, SignalHandler, Usage, VirtualFS } from './types.ts';

/** neverSettles is forever()'s executor: shared, so a server's last promise captures nothing. */
const neverSettles = (): void => {};

/** ContainerContext implements ProcessContext over one ContainerProcess. */
export class ContainerContext implements ProcessContext {
  /** rng is built on first use: most programs never draw a random number. */
  private rng: Random | undefined;

  constructor(
    private readonly proc: ContainerProcess,
    private readonly seed: number,
  ) {}

  get argv(): readonly string[] {
    return this.proc.argv;
  }

  get env(): ReadonlyMap<string, string> {
    return this.proc.env;
  }

  get fs(): VirtualFS {
    return this.proc.fs;
  }

  get cwd(): string {
    return this.proc.cwd;
  }

  get hostname(): string {
    return this.proc.hostname;
  }

  get podIP(): string {
    return this.proc.podIP;
  }

  get cpus(): number {
    return this.proc.cpus;
  }

  get image(): { reference: string; version: string; variant: string } {
    return this.proc.image;
  }

  get tty(): boolean {
    return this.proc.tty;
  }

  get stdin(): boolean {
    return this.proc.stdin;
  }

  get random(): Random {
    return (this.rng ??= new Random(this.seed));
  }

  get aborted(): AbortLike {
    return this.proc.aborted;
  }

  now(): number {
    return this.proc.now();
  }

  write(text: string, stream: LogStream = 'stdout'): void {
    if (this.proc.running) this.proc.log.write(text, stream);
  }

  log(line: string, stream: LogStream = 'stdout'): void {
    if (this.proc.running) this.proc.log.writeLine(line, stream);
  }

  listen(port: number, protocol: Protocol, handler: Handler): void {
    this.proc.listen(port, protocol, handler);
  }

  unlisten(port: number): void {
    this.proc.unlisten(port);
  }

  exit(code: number): void {
    this.proc.exit(code);
  }

  onSignal(signal: Signal, fn: ((s: Signal) => void) | SignalHandler): void {
    this.proc.onSignal(signal, fn);
  }

  sleep(ms: number): Promise<void> {
    return this.proc.sleep(ms);
  }

  after(ms: number, fn: () => void): void {
    this.proc.after(ms, fn);
  }

  every(ms: number, fn: () => void): void {
    const tick = (): void => {
      fn();
      this.proc.after(ms, tick);
    };
    this.proc.after(ms, tick);
  }

  setRequestCost(cpuMs: number): void {
    this.proc.setRequestCost(cpuMs);
  }

  setUsage(u: Partial<Usage>): void {
    this.proc.setUsage(u);
  }

  sh(script: string, args: string[] = []): Promise<number> {
    const p = this.proc;
    if (!p.shellRunner) return Promise.resolve(127);
    return p.shellRunner.run({
      script,
      positional: args,
      env: new Map(p.env),
      cwd: p.cwd,
      fs: p.fs,
      hostname: p.hostname,
      stdin: '',
      stdout: (t) => this.write(t, 'stdout'),
      stderr: (t) => this.write(t, 'stderr'),
      sleep: (ms) => this.sleep(ms),
      aborted: p.aborted,
      commands: p.commands,
      dialect: shellDialectFor(p.image.reference, p.argv[0] ?? ''),
    });
  }

  forever(): Promise<never> {
    return new Promise<never>(neverSettles);
  }
}
