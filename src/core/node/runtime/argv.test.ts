import { describe, expect, it } from 'vitest';
import { containerArgv, expandVariables } from './argv.ts';
import { internArgv } from './intern.ts';

const nginx = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };
const busybox = { entrypoint: [], cmd: ['sh'] };

describe('containerArgv', () => {
  it('uses ENTRYPOINT + CMD when the container sets neither', () => {
    expect(containerArgv(nginx, {})).toEqual({ ok: true, argv: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'] });
    expect(containerArgv(busybox, {})).toEqual({ ok: true, argv: ['sh'] });
  });

  it('replaces CMD but keeps ENTRYPOINT when only args are set', () => {
    expect(containerArgv(nginx, { args: ['nginx', '-T'] })).toEqual({ ok: true, argv: ['/docker-entrypoint.sh', 'nginx', '-T'] });
  });

  it('ignores ENTRYPOINT and CMD when command is set, even without args', () => {
    expect(containerArgv(nginx, { command: ['sleep'] })).toEqual({ ok: true, argv: ['sleep'] });
    expect(containerArgv(busybox, { command: ['sh', '-c'], args: ['echo hi'] })).toEqual({ ok: true, argv: ['sh', '-c', 'echo hi'] });
  });

  it('fails like containerd when nothing is left', () => {
    expect(containerArgv({ entrypoint: [], cmd: [] }, {})).toEqual({ ok: false, message: 'no command specified' });
    expect(containerArgv({ entrypoint: [''], cmd: [] }, {})).toEqual({ ok: false, message: 'no command specified' });
  });

  it('expands $(VAR) in command and args from the environment', () => {
    const env = new Map([['MESSAGE', 'hello'], ['POD_NAME', 'web-0']]);
    expect(containerArgv(busybox, { command: ['echo', '$(MESSAGE) from $(POD_NAME)', '$(MISSING)'] }, env)).toEqual({
      ok: true,
      argv: ['echo', 'hello from web-0', '$(MISSING)'],
    });
  });
});

describe('expandVariables', () => {
  const env = new Map([['VAR_A', 'A'], ['VAR_EMPTY', '']]);
  const x = (s: string): string => expandVariables(s, (n) => env.get(n));
  it('follows the upstream expansion table', () => {
    expect(x('$(VAR_A)')).toBe('A');
    expect(x('___$(VAR_A)___')).toBe('___A___');
    expect(x('$(VAR_EMPTY)')).toBe('');
    expect(x('$(UNKNOWN)')).toBe('$(UNKNOWN)');
    expect(x('$$(VAR_A)')).toBe('$(VAR_A)');
    expect(x('$$$(VAR_A)')).toBe('$A');
    expect(x('$(VAR_A')).toBe('$(VAR_A');
    expect(x('$VAR_A')).toBe('$VAR_A');
    expect(x('a$')).toBe('a$');
    expect(x('$()')).toBe('$()');
  });
});

describe('internArgv', () => {
  it('shares one frozen copy per command line, and tells apart lines that only join alike', () => {
    const a = internArgv(['nginx', '-g', 'daemon off;']);
    expect(internArgv(['nginx', '-g', 'daemon off;'])).toBe(a);
    expect(a).toEqual(['nginx', '-g', 'daemon off;']);
    expect(Object.isFrozen(a)).toBe(true);
    expect(internArgv(['sh', '-c', 'a b'])).not.toBe(internArgv(['sh', '-c', 'a', 'b']));
    const source = ['sleep', '10'];
    const shared = internArgv(source);
    source[1] = '20';
    expect(shared).toEqual(['sleep', '10']);
  });
});
