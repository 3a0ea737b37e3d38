import { describe, expect, it } from 'vitest';
import { runShell } from '../testHelpers.ts';

const out = async (script: string): Promise<string> => (await runShell(script)).out;

describe('echo and printf', () => {
  it('echo handles -n and -e', async () => {
    expect(await out('echo -n a; echo -e "b\\tc"; echo "d\\n"')).toBe('ab\tc\nd\\n\n');
  });
  it('printf reuses the format and pads', async () => {
    expect(await out('printf "%s=%d\\n" a 1 b 2; printf "%-5s|%05.1f|%x\\n" ab 3.14159 255')).toBe('a=1\nb=2\nab   |003.1|ff\n');
  });
});

describe('file commands', () => {
  it('cat reports missing files GNU-style with status 1', async () => {
    const r = await runShell('cat nope');
    expect(r.err).toBe('cat: nope: No such file or directory\n');
    expect(r.status).toBe(1);
  });
  it('mkdir -p, touch, cp, mv, rm -r and ls', async () => {
    const r = await runShell('mkdir -p a/b; touch a/b/x; cp a/b/x a/y; mv a/y a/z; ls a; rm a; echo $?; rm -r a; ls a; touch q r; ls -1');
    expect(r.out).toBe('b  z\n1\nq\nr\n');
    expect(r.err).toBe("rm: cannot remove 'a': Is a directory\nls: cannot access 'a': No such file or directory\n");
  });
  it('cd into a missing directory fails like bash', async () => {
    const r = await runShell('cd /nope');
    expect(r.err).toBe('bash: cd: /nope: No such file or directory\n');
  });
  it('tee writes and passes through', async () => {
    expect(await out('echo hi | tee t > /dev/null; cat t')).toBe('hi\n');
  });
});

describe('text filters', () => {
  it('grep flags', async () => {
    const f = 'printf "nginx Running\\nredis Pending\\nNGINX-2 Running\\n" > p; ';
    expect(await out(f + 'grep -i nginx p')).toBe('nginx Running\nNGINX-2 Running\n');
    expect(await out(f + 'grep -c Running p')).toBe('2\n');
    expect(await out(f + 'grep -v Running p')).toBe('redis Pending\n');
    expect(await out(f + 'grep -n redis p')).toBe('2:redis Pending\n');
    expect(await out(f + 'grep -oE "[A-Z][a-z]+" p')).toBe('Running\nPending\nRunning\n');
    expect(await out(f + 'grep -q redis p && echo found')).toBe('found\n');
    expect(await out(f + 'grep -w nginx p')).toBe('nginx Running\n');
    expect((await runShell(f + 'grep zzz p')).status).toBe(1);
  });
  it('grep takes several -e patterns, -m and GNU context groups', async () => {
    expect(await out('seq 10 | grep -e 2 -e 7')).toBe('2\n7\n');
    expect(await out('seq 10 | grep -A1 -e 2 -e 7')).toBe('2\n3\n--\n7\n8\n');
    expect(await out('seq 10 | grep -B2 -n 5')).toBe('3-3\n4-4\n5:5\n');
    expect(await out('seq 10 | grep -C1 -e 3 -e 5')).toBe('2\n3\n4\n5\n6\n');
    expect(await out('seq 10 | grep -m2 -v 1')).toBe('2\n3\n');
  });
  it('head and tail', async () => {
    expect(await out('seq 5 | head -n 2; seq 5 | tail -2; seq 5 | tail -n +4; seq 5 | head -3')).toBe('1\n2\n4\n5\n4\n5\n1\n2\n3\n');
  });
  it('wc counts', async () => {
    expect(await out('printf "a b\\nc\\n" | wc -l; printf "a b\\nc\\n" | wc')).toBe('2\n      2       3       6\n');
  });
  it('sort and uniq', async () => {
    expect(await out('printf "10\\n9\\n100\\n" | sort -n; printf "b\\na\\nb\\n" | sort -u; printf "x 3\\ny 1\\n" | sort -k2 -n')).toBe('9\n10\n100\na\nb\ny 1\nx 3\n');
    expect(await out('printf "a\\na\\nb\\n" | uniq -c | sort -r')).toBe('      2 a\n      1 b\n');
  });
  it('cut and tr', async () => {
    expect(await out('echo "a:b:c" | cut -d: -f1,3; echo hello | cut -c2-4; echo "a  b" | tr -s " "; echo abc | tr -d b')).toBe('a:c\nell\na b\nac\n');
  });
  it('base64 round-trips UTF-8 and supports -w0', async () => {
    expect(await out('echo -n "héllo" | base64; echo aMOpbGxv | base64 -d; echo')).toBe('aMOpbGxv\nhéllo\n');
    expect(await out('printf "%080d" 0 | base64 -w0 | wc -l')).toBe('0\n');
  });
  it('seq', async () => {
    expect(await out('seq 2 2 6; seq -s, 3')).toBe('2\n4\n6\n1,2,3\n');
  });
});

describe('awk', () => {
  it('prints fields with -F, NR, NF and patterns', async () => {
    const data = 'printf "web 3 Running\\ndb 1 Pending\\n" > t; ';
    expect(await out(data + "awk '{print $1, NF}' t")).toBe('web 3\ndb 3\n');
    expect(await out(data + "awk '/Pend/ {print NR\": \"$1}' t")).toBe('2: db\n');
    expect(await out(data + "awk '$1==\"web\" {print $2}' t")).toBe('3\n');
    expect(await out(data + "awk '$2 > 2' t")).toBe('web 3 Running\n');
    expect(await out("echo a:b | awk -F: '{print $2}'")).toBe('b\n');
    expect(await out(data + "awk '{s+=$2} END {printf \"%d pods\\n\", s}' t")).toBe('4 pods\n');
  });
});

describe('sed', () => {
  it('substitutes, deletes and prints', async () => {
    expect(await out('echo "a-b-c" | sed "s/-/+/"; echo "a-b-c" | sed "s/-/+/g"; echo Hello | sed "s/hello/bye/I"')).toBe('a+b-c\na+b+c\nbye\n');
    expect(await out('seq 4 | sed "/3/d"; seq 4 | sed -n "2p"; seq 3 | sed -e "s/1/one/" -e "s/2/two/"')).toBe('1\n2\n4\n2\none\ntwo\n3\n');
    expect(await out('echo "image: nginx:1.25" | sed -E "s/(nginx):([0-9.]+)/\\1 v\\2/"')).toBe('image: nginx v1.25\n');
  });
  it('edits in place with -i', async () => {
    expect(await out('echo "replicas: 1" > d.yaml; sed -i "s/1/3/" d.yaml; cat d.yaml')).toBe('replicas: 3\n');
  });
});

describe('jq', () => {
  const json = `'{"items":[{"metadata":{"name":"a","labels":{"app":"web"}}},{"metadata":{"name":"b","labels":{"app":"db"}}}]}'`;
  it('walks paths and iterates', async () => {
    expect(await out(`echo ${json} | jq -r '.items[].metadata.name'`)).toBe('a\nb\n');
    expect(await out(`echo ${json} | jq '.items[0].metadata.name'`)).toBe('"a"\n');
    expect(await out(`echo ${json} | jq '.items | length'`)).toBe('2\n');
    expect(await out(`echo ${json} | jq -c '.items[1].metadata.labels'`)).toBe('{"app":"db"}\n');
    expect(await out(`echo ${json} | jq '.items[0].metadata | keys'`)).toBe('[\n  "labels",\n  "name"\n]\n');
    expect(await out(`echo ${json} | jq -r '.items[] | select(.metadata.labels.app == "db") | .metadata.name'`)).toBe('b\n');
  });
  it('reports type errors like jq', async () => {
    const r = await runShell(`echo '[1]' | jq '.a'`);
    expect(r.err).toBe('jq: error (at <stdin>:1): Cannot index array with "a"\n');
    expect(r.status).toBe(5);
  });
});

describe('misc', () => {
  it('date uses the injected clock', async () => {
    expect(await out('date; date +%Y-%m-%dT%H:%M:%SZ')).toBe('Sun Nov 22 05:30:00 UTC 2026\n2026-11-22T05:30:00Z\n');
  });
  it('whoami, hostname, pwd, clear', async () => {
    expect(await out('whoami; hostname; pwd; clear')).toBe('root\ncontrolplane\n/root\n\x1b[H\x1b[2J');
  });
  it('xargs appends stdin words or substitutes -I', async () => {
    expect(await out('printf "a\\nb\\n" | xargs echo x; printf "a\\nb\\n" | xargs -I{} echo "<{}>"')).toBe('x a b\n<a>\n<b>\n');
  });
  it('type and which', async () => {
    expect(await out('type cd; type if; which grep')).toBe('cd is a shell builtin\nif is a shell keyword\n/usr/bin/grep\n');
  });
  it('alias expands the command word', async () => {
    const seen: string[] = [];
    const r = await runShell("alias k=kubectl kgp='kubectl get pods'; complete -F __start_kubectl k; k get ns; kgp -A; alias k", {
      commands: { kubectl: async (io) => (seen.push(io.argv.join(' ')), 0) },
    });
    expect(seen).toEqual(['kubectl get ns', 'kubectl get pods -A']);
    expect(r.out).toBe("alias k='kubectl'\n");
  });
  it('export and env', async () => {
    expect(await out('export FOO=bar; env | grep FOO; unset FOO; printenv FOO; echo $?')).toBe('FOO=bar\n1\n');
  });
  it('watch repeats until the signal aborts', async () => {
    let n = 0;
    const r = await runShell('watch -n 1 echo hi', { sleep: async () => void n++, limits: { loopIterations: 3 } });
    expect(n).toBe(3);
    expect(r.out.split('\x1b[H\x1b[2J').length).toBe(4);
    expect(r.out).toContain('Every 1.0s: echo hi');
  });
});
