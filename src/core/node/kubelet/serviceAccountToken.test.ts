import { describe, expect, it } from 'vitest';
import { base64Decode, utf8Decode } from '../../api/encoding.ts';
import type { Pod } from '../../api/types.ts';
import { Random } from '../../sim/random.ts';
import { fakeToken, lazyToken, TOKEN_DRAWS } from './serviceAccountToken.ts';

const pod = (name: string, uid: string): Pod =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop', uid }, spec: { serviceAccountName: 'cart', containers: [] } }) as unknown as Pod;

/** jwtPart decodes one unpadded base64url segment. */
const jwtPart = (s: string): string => utf8Decode(base64Decode(s.replace(/-/g, '+').replace(/_/g, '/'))!);

describe('service account tokens', () => {
  it('Random.skip(n) moves the sequence as n draws would', () => {
    const a = new Random(42);
    const b = new Random(42);
    for (let i = 0; i < TOKEN_DRAWS; i++) a.next();
    b.skip(TOKEN_DRAWS);
    expect(b.getState()).toBe(a.getState());
    expect(b.next()).toBe(a.next());
  });

  it('lazyToken gives the bytes fakeToken writes and leaves the sequence where fakeToken does', () => {
    const eager = new Random(7);
    const lazy = new Random(7);
    const pods = [pod('a', 'uid-a'), pod('b', 'uid-b')];
    const tokens = pods.map((p) => fakeToken(p, eager));
    const thunks = pods.map((p) => lazyToken(p, lazy));
    expect(lazy.getState()).toBe(eager.getState());
    // Read out of order, twice: each token is built from its own reserved draws.
    expect(thunks[1]!.text()).toBe(tokens[1]);
    expect(thunks[0]!.text()).toBe(tokens[0]);
    expect(thunks[0]!.text()).toBe(thunks[0]!.text());
    const [header, payload] = tokens[0]!.split('.');
    expect(JSON.parse(jwtPart(header!))).toMatchObject({ alg: 'RS256' });
    expect(JSON.parse(jwtPart(payload!))).toMatchObject({
      sub: 'system:serviceaccount:shop:cart',
      kubernetes: { namespace: 'shop', pod: { name: 'a', uid: 'uid-a' }, serviceaccount: { name: 'cart' } },
    });
  });
});
