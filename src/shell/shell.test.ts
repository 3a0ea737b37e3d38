import { describe, expect, it } from 'vitest';
import { Shell } from './shell.ts';
import { runIn, runShell } from './testHelpers.ts';

describe('quoting and expansion', () => {
  it('keeps single quotes literal and expands inside double quotes', async () => {
    const r = await runShell(`X=world; echo 'a $X' "b $X" c\\ d $'e\\tf'`);
    expect(r.out).toBe('a $X b world c d e\tf\n');
  });

  it('splits unquoted expansions on whitespace but not quoted ones', async () => {
    const r = await runShell(`A="1   2"; for w in $A; do echo "[$w]"; done; for w in "$A"; do echo "[$w]"; done`);
    expect(r.out).toBe('[1]\n[2]\n[1   2]\n');
  });

  it('supports ${X:-default}, ${#X}, trimming and replacement', async () => {
    const r = await runShell('F=app.tar.gz; echo ${U:-def} ${#F} ${F%%.*} ${F#*.} ${F/tar/zip} ${F^^}');
    expect(r.out).toBe('def 10 app tar.gz app.zip.gz APP.TAR.GZ\n');
  });

  it('does command substitution with $() and backticks, stripping trailing newlines', async () => {
    const r = await runShell('echo "[$(printf "a\\n\\n")]" `echo b`');
    expect(r.out).toBe('[a] b\n');
  });

  it('does arithmetic', async () => {
    const r = await runShell('i=3; echo $((i * 2 + 1)) $(( (1+2)**2 )) $((7 / 2)) $((7 % 3)); ((i++)); echo $i');
    expect(r.out).toBe('7 9 3 1\n4\n');
  });

  it('reports division by zero like bash', async () => {
    const r = await runShell('echo $((1/0))');
    expect(r.err).toBe('bash: 1/0: division by 0 (error token is "0")\n');
    expect(r.status).toBe(1);
  });

  it('expands ~ and $? and $$', async () => {
    const r = await runShell('echo ~ ~/x; false; echo $?; echo $$', { pid: 42 });
    expect(r.out).toBe('/root /root/x\n1\n42\n');
  });

  it('applies A=1 cmd to the command only', async () => {
    const sh = new Shell();
    const r = await runIn(sh, 'A=1 printenv A; echo "[${A}]"');
    expect(r.out).toBe('1\n[]\n');
  });

  it('globs against the virtual filesystem and keeps unmatched patterns', async () => {
    const r = await runShell('touch b.yaml a.yaml c.txt; echo *.yaml; echo *.json; echo "*.yaml"');
    expect(r.out).toBe('a.yaml b.yaml\n*.json\n*.yaml\n');
  });
});

describe('lists, pipelines and redirections', () => {
  it('runs ; && || with bash semantics', async () => {
    const r = await runShell('true && echo a || echo b; false && echo c || echo d; false; echo $?');
    expect(r.out).toBe('a\nd\n1\n');
  });

  it('returns the last command status of a pipeline and supports !', async () => {
    expect((await runShell('false | true')).status).toBe(0);
    expect((await runShell('true | false')).status).toBe(1);
    expect((await runShell('! true')).status).toBe(1);
    expect((await runShell('set -o pipefail; false | true')).status).toBe(1);
  });

  it('redirects to files, appends, and reads back', async () => {
    const r = await runShell('echo one > f; echo two >> f; cat < f; wc -l f');
    expect(r.out).toBe('one\ntwo\n2 f\n');
  });

  it('orders 2>&1 the way bash does', async () => {
    const sh = new Shell();
    const r = await runIn(sh, 'ls /nope > out 2>&1; cat out; ls /nope 2>&1 > out2');
    // `2>&1 > out2` points stderr at the old stdout (the terminal), then moves only stdout.
    expect(r.out).toBe("ls: cannot access '/nope': No such file or directory\n".repeat(2));
    expect(r.err).toBe('');
  });

  it('discards /dev/null and supports &>', async () => {
    const r = await runShell('cat /missing 2>/dev/null; echo $?; cat /missing &> f; cat f');
    expect(r.out).toBe('1\ncat: /missing: No such file or directory\n');
    expect(r.err).toBe('');
  });

  it('reports redirection to a missing directory', async () => {
    const r = await runShell('echo x > /no/such/file');
    expect(r.err).toBe('bash: /no/such/file: No such file or directory\n');
    expect(r.status).toBe(1);
  });

  it('feeds here-documents, with and without expansion, through a pipe', async () => {
    const seen: string[] = [];
    const sh = new Shell({ commands: { kubectl: async (io) => (seen.push(io.argv.join(' ') + '|' + io.stdin), 0) } });
    const r = await runIn(sh, 'N=web\ncat <<EOF | kubectl apply -f -\nname: $N\nEOF\ncat <<\'EOF\'\nname: $N\nEOF\ncat <<-EOF\n\tindented\n\tEOF');
    expect(seen).toEqual(['kubectl apply -f -|name: web\n']);
    expect(r.out).toBe('name: $N\nindented\n');
  });

  it('supports here-strings', async () => {
    expect((await runShell('tr a-z A-Z <<< "hi there"')).out).toBe('HI THERE\n');
  });

  it('marks commands in pipes and redirections as not a TTY', async () => {
    const ttys: boolean[] = [];
    const sh = new Shell({ commands: { probe: async (io) => (ttys.push(io.isTTY), 0) } });
    await runIn(sh, 'probe; probe | cat; probe > f; x=$(probe)');
    expect(ttys).toEqual([true, false, false, false]);
  });
});

describe('compound commands', () => {
  it('runs if/elif/else', async () => {
    const r = await runShell('x=2\nif [ $x -eq 1 ]; then echo one\nelif [ $x -eq 2 ]; then\n  echo two\nelse echo other; fi');
    expect(r.out).toBe('two\n');
  });

  it('runs for, while and until loops with break and continue', async () => {
    const r = await runShell('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done; n=0; while [ $n -lt 3 ]; do n=$((n+1)); done; echo $n; until [ $n -eq 0 ]; do n=$((n-1)); done; echo $n');
    expect(r.out).toBe('1\n3\n3\n0\n');
  });

  it('runs C-style for loops', async () => {
    expect((await runShell('for ((i=0; i<3; i++)); do echo -n $i; done')).out).toBe('012');
  });

  it('matches case patterns', async () => {
    const r = await runShell('for f in a.yaml b.txt c; do case $f in *.yaml|*.yml) echo yaml;; *.txt) echo text;; *) echo other;; esac; done');
    expect(r.out).toBe('yaml\ntext\nother\n');
  });

  it('isolates ( ) subshells but not { } groups', async () => {
    const r = await runShell('X=1; (X=2; cd /tmp); echo $X $PWD; { X=3; }; echo $X');
    expect(r.out).toBe('1 /root\n3\n');
  });

  it('evaluates [[ ]] with patterns, regex, && and ||', async () => {
    const r = await runShell('f=pod-abc; [[ $f == pod-* && -n $f ]] && echo glob; [[ $f =~ ^pod-[a-z]+$ ]] && echo re; [[ -z $f || $f != x ]] && echo or');
    expect(r.out).toBe('glob\nre\nor\n');
  });

  it('defines and calls functions with positional parameters, local and return', async () => {
    const r = await runShell('greet() { local who=$1; echo "hi $who ($#)"; return 3; }\ngreet bob x; echo $? ${who:-unset}');
    expect(r.out).toBe('hi bob (2)\n3 unset\n');
  });

  it('reads lines with while read', async () => {
    const r = await runShell('printf "a 1\\nb 2\\n" > f; while read name n; do echo "$n:$name"; done < f');
    expect(r.out).toBe('1:a\n2:b\n');
  });
});

describe('errors and limits', () => {
  it('prints bash syntax errors and returns 2', async () => {
    const r = await runShell('echo a )');
    expect(r.err).toBe("bash: syntax error near unexpected token `)'\n");
    expect(r.status).toBe(2);
    expect((await runShell(';;')).err).toBe("bash: syntax error near unexpected token `;;'\n");
    expect((await runShell('echo "abc')).err).toBe("bash: unexpected EOF while looking for matching `\"'\n");
    expect((await runShell('if true; then echo x')).err).toBe('bash: syntax error: unexpected end of file\n');
  });

  it('reports unknown commands with status 127', async () => {
    const r = await runShell('nosuch --flag');
    expect(r.err).toBe('bash: nosuch: command not found\n');
    expect(r.status).toBe(127);
    const proto = await runShell('toString; echo $?');
    expect(proto.err).toBe('bash: toString: command not found\n');
    expect(proto.out).toBe('127\n');
  });

  it('stops a runaway loop with an error instead of hanging', async () => {
    const r = await runShell('while true; do :; done', { limits: { loopIterations: 500 } });
    expect(r.err).toBe('bash: loop iteration limit (500) exceeded; stopping\n');
    expect(r.status).toBe(1);
  });

  it('stops endless recursion', async () => {
    const r = await runShell('f() { f; }; f');
    expect(r.err).toBe('bash: f: maximum function nesting level exceeded (100)\n');
  });

  it('stops when the signal aborts (Ctrl-C)', async () => {
    let abort = (): void => {};
    const listeners: (() => void)[] = [];
    const signal = {
      aborted: false,
      addEventListener: (_t: 'abort', l: () => void) => void listeners.push(l),
      removeEventListener: () => {},
    };
    abort = () => {
      signal.aborted = true;
      listeners.forEach((l) => l());
    };
    let ticks = 0;
    const sh = new Shell({ sleep: async () => void (++ticks === 3 && abort()) });
    const status = await sh.run('while true; do sleep 1; done', { stdout: () => {}, stderr: () => {} }, signal);
    expect(status).toBe(130);
    expect(ticks).toBe(3);
  });

  it('timeout aborts the command and returns 124', async () => {
    let now = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const sleep = (ms: number): Promise<void> =>
      new Promise((resolve) => {
        timers.push({ at: now + ms, fn: resolve });
        timers.sort((a, b) => a.at - b.at);
        // Advance virtual time only once the shell is idle, as the headless host does.
        setTimeout(() => {
          const t = timers.shift();
          if (t) {
            now = t.at;
            t.fn();
          }
        }, 0);
      });
    const sh = new Shell({ sleep });
    const r = await runIn(sh, 'timeout 5 sleep 60; echo $?; timeout 5 echo fast; echo $?');
    expect(r.out).toBe('124\nfast\n0\n');
  });

  it('exit stops the script with its status', async () => {
    const r = await runShell('echo a; exit 3; echo b');
    expect(r).toEqual({ out: 'a\n', err: '', status: 3 });
  });

  it('set -e stops at the first failure outside conditions', async () => {
    const r = await runShell('set -e; if false; then :; fi; false || true; echo ok; false; echo no');
    expect(r.out).toBe('ok\n');
    expect(r.status).toBe(1);
  });
});

describe('interactive helpers', () => {
  it('knows when more input is needed', () => {
    const sh = new Shell();
    expect(sh.needsMoreInput('cat <<EOF')).toBe(true);
    expect(sh.needsMoreInput('cat <<EOF\nhi\nEOF')).toBe(false);
    expect(sh.needsMoreInput('echo "abc')).toBe(true);
    expect(sh.needsMoreInput('for i in 1 2; do')).toBe(true);
    expect(sh.needsMoreInput('echo a |')).toBe(true);
    expect(sh.needsMoreInput('echo a &&')).toBe(true);
    expect(sh.needsMoreInput('echo a \\')).toBe(true);
    expect(sh.needsMoreInput('echo a )')).toBe(false);
    expect(sh.needsMoreInput('echo done')).toBe(false);
  });

  it('renders the prompt with ~ for home', async () => {
    const sh = new Shell();
    expect(sh.prompt()).toBe('controlplane:~$ ');
    await runIn(sh, 'mkdir -p /root/app && cd app');
    expect(sh.prompt()).toBe('controlplane:~/app$ ');
    await runIn(sh, 'cd /tmp');
    expect(sh.prompt()).toBe('controlplane:/tmp$ ');
  });

  it('completes commands, files and registered completers', async () => {
    const sh = new Shell({ commands: { kubectl: async () => 0 } });
    sh.registerCompleter('kubectl', ({ argv }) => (argv.length === 1 ? ['get', 'describe', 'apply'] : ['pods', 'deployments']));
    await runIn(sh, 'mkdir manifests; touch manifests/web.yaml');
    expect(sh.complete('kub', 3)).toEqual({ start: 0, candidates: ['kubectl'] });
    expect(sh.complete('kubectl g', 9)).toEqual({ start: 8, candidates: ['get'] });
    expect(sh.complete('kubectl get po', 14)).toEqual({ start: 12, candidates: ['pods'] });
    expect(sh.complete('cat man', 7)).toEqual({ start: 4, candidates: ['manifests/'] });
    expect(sh.complete('cat manifests/w', 15)).toEqual({ start: 4, candidates: ['manifests/web.yaml'] });
  });

  it('keeps history and formats it like bash', async () => {
    const sh = new Shell();
    sh.history.add('ls');
    sh.history.add('kubectl get pods');
    sh.history.add('history');
    expect((await runIn(sh, 'history')).out).toBe('    1  ls\n    2  kubectl get pods\n    3  history\n');
    expect(sh.history.up()).toBe('history');
    expect(sh.history.up()).toBe('kubectl get pods');
    expect(sh.history.down()).toBe('history');
    expect(sh.history.search('get')).toEqual({ index: 1, line: 'kubectl get pods' });
  });

  it('runs scripts from the virtual filesystem with arguments', async () => {
    const r = await runShell('printf \'echo "$0 $1 $#"\\nexit 4\\n\' > s.sh; bash s.sh a b; echo $?; sh -c \'echo $1\' x y');
    expect(r.out).toBe('s.sh a 2\n4\ny\n');
  });
});
