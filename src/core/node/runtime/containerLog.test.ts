import { describe, expect, it } from 'vitest';
import { ContainerLog } from './containerLog.ts';

describe('ContainerLog', () => {
  it('keeps lines with their time and stream, buffering partial writes', () => {
    let t = Date.UTC(2024, 11, 10, 10, 0, 0, 123);
    const log = new ContainerLog({ now: () => t });
    const seen: string[] = [];
    log.subscribe((e) => seen.push(`${e.stream}:${e.line}`));
    log.write('hello\nwor', 'stdout');
    t += 1000;
    log.write('ld\n', 'stdout');
    log.write('oops', 'stderr');
    log.flush();
    expect(log.lines()).toEqual([
      { time: Date.UTC(2024, 11, 10, 10, 0, 0, 123), stream: 'stdout', line: 'hello' },
      { time: Date.UTC(2024, 11, 10, 10, 0, 1, 123), stream: 'stdout', line: 'world' },
      { time: Date.UTC(2024, 11, 10, 10, 0, 1, 123), stream: 'stderr', line: 'oops' },
    ]);
    expect(seen).toEqual(['stdout:hello', 'stdout:world', 'stderr:oops']);
    expect(log.text({ timestamps: true })).toBe(
      '2024-12-10T10:00:00.123000000Z hello\n2024-12-10T10:00:01.123000000Z world\n2024-12-10T10:00:01.123000000Z oops\n',
    );
  });

  it('keeps only the newest maxLines lines', () => {
    const log = new ContainerLog({ now: () => 0 }, 3);
    for (let i = 1; i <= 10; i++) {
      log.write(`line ${i}\n`, 'stdout');
      expect(log.lines().length).toBe(Math.min(i, 3));
      expect(log.text()).toBe(Array.from({ length: Math.min(i, 3) }, (_, k) => `line ${i - Math.min(i, 3) + k + 1}\n`).join(''));
    }
  });

  it('compact shares identical start-up lines between logs and copies before the next line', () => {
    const a = new ContainerLog({ now: () => 5 });
    const b = new ContainerLog({ now: () => 5 });
    for (const log of [a, b]) {
      log.write('starting\n', 'stdout');
      log.write('ready\n', 'stderr');
      log.compact();
    }
    a.write('request 1\n', 'stdout');
    expect(a.text()).toBe('starting\nready\nrequest 1\n');
    expect(b.text()).toBe('starting\nready\n');
    expect(b.lines()).toEqual([
      { time: 5, stream: 'stdout', line: 'starting' },
      { time: 5, stream: 'stderr', line: 'ready' },
    ]);
    const c = new ContainerLog({ now: () => 6 });
    c.write('starting\nready\n', 'stdout');
    c.compact();
    expect(c.lines().map((e) => `${e.time} ${e.stream} ${e.line}`)).toEqual(['6 stdout starting', '6 stdout ready']);
    expect(b.text()).toBe('starting\nready\n');
  });

  it('writeLine is write of the line and a newline, with or without pending output', () => {
    let t = 1;
    const clock = { now: () => t };
    const a = new ContainerLog(clock);
    const b = new ContainerLog(clock);
    const lines: [string, 'stdout' | 'stderr'][] = [['one', 'stdout'], ['', 'stderr'], ['two\nthree', 'stdout'], ['four', 'stderr']];
    for (const [line, stream] of lines) {
      t++;
      a.writeLine(line, stream);
      b.write(line + '\n', stream);
    }
    a.write('part', 'stdout');
    b.write('part', 'stdout');
    a.writeLine('ial', 'stdout');
    b.write('ial\n', 'stdout');
    expect(a.lines()).toEqual(b.lines());
    expect(a.lines().map((e) => e.line)).toEqual(['one', '', 'two', 'three', 'four', 'partial']);
  });
});

