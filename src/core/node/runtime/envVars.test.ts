import { describe, expect, it } from 'vitest';
import { EnvVars } from './envVars.ts';

describe('EnvVars', () => {
  it('reads like the Map it was built from, in the same order', () => {
    const map = new Map([['PATH', '/usr/bin'], ['HOSTNAME', 'web-1'], ['HOME', '/root']]);
    const env = new EnvVars(map);
    expect(env.size).toBe(3);
    expect(env.get('HOSTNAME')).toBe('web-1');
    expect(env.get('NOPE')).toBeUndefined();
    expect(env.has('HOME')).toBe(true);
    expect(env.has('NOPE')).toBe(false);
    expect([...env]).toEqual([...map]);
    expect([...env.keys()]).toEqual([...map.keys()]);
    expect([...env.values()]).toEqual([...map.values()]);
    expect(new Map(env)).toEqual(map);
    expect(Object.fromEntries(env)).toEqual(Object.fromEntries(map));
    const seen: string[] = [];
    env.forEach((v, k) => seen.push(`${k}=${v}`));
    expect(seen).toEqual(['PATH=/usr/bin', 'HOSTNAME=web-1', 'HOME=/root']);
  });

  it('keeps an empty value (has is true, get is "")', () => {
    const env = new EnvVars([['EMPTY', '']]);
    expect(env.has('EMPTY')).toBe(true);
    expect(env.get('EMPTY')).toBe('');
  });

  it('gives each container its own HOSTNAME where the pod env put it, other values alike', () => {
    const vars = (host: string): [string, string][] => [['PATH', '/bin'], ['HOSTNAME', host], ['A', '1']];
    const a = new EnvVars(vars('web-a'));
    const b = new EnvVars(vars('web-b'));
    expect([...a]).toEqual(vars('web-a'));
    expect([...b]).toEqual(vars('web-b'));
    expect(b.get('HOSTNAME')).toBe('web-b');
    expect([...b.values()]).toEqual(['/bin', 'web-b', '1']);
    const none = new EnvVars([['PATH', '/bin']]);
    expect(none.has('HOSTNAME')).toBe(false);
  });
});
