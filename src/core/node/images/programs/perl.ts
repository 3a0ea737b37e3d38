/**
 * The official `perl` image, enough for the Kubernetes docs' Job example
 * `perl -Mbignum=bpi -wle 'print bpi(2000)'`: `bpi(N)` prints π to N significant digits
 * (computed exactly, after a few seconds of simulated CPU work), `print "text"` prints,
 * `perl -v` names the version. Other scripts run through the mini interpreter, which keeps
 * `print`, `sleep` and `exit`.
 */
import type { Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH } from '../definition.ts';
import { releaseLines } from '../tags.ts';
import { runMiniScript } from './miniScript.ts';

/** arctanInverse is arctan(1/x) scaled by `unity`, by its Taylor series in integers. */
function arctanInverse(x: bigint, unity: bigint): bigint {
  let sum = 0n;
  let term = unity / x;
  const x2 = x * x;
  for (let n = 1n, sign = 1n; term !== 0n; n += 2n, sign = -sign) {
    sum += (sign * term) / n;
    term /= x2;
  }
  return sum;
}

/** piDigits is bignum's bpi(n): π rounded to n significant digits, "3.14159...". */
export function piDigits(n: number): string {
  const digits = Math.max(1, Math.floor(n));
  const guard = 10;
  const unity = 10n ** BigInt(digits + guard);
  // Machin: π = 16·arctan(1/5) − 4·arctan(1/239).
  const pi = 16n * arctanInverse(5n, unity) - 4n * arctanInverse(239n, unity);
  const scale = 10n ** BigInt(guard + 1);
  const rounded = (pi + scale / 2n) / scale; // digits significant digits, e.g. 314159 for n=6
  const text = rounded.toString();
  return text.length > 1 ? `${text[0]}.${text.slice(1)}` : text;
}

/** scriptOf finds the -e program text among perl's switches (`-wle`, `-e`, `-Mmodule=...`). */
function scriptOf(args: readonly string[]): { script?: string; newline: boolean } {
  let newline = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a.startsWith('-M') || a.startsWith('-I')) continue;
    if (a.includes('l')) newline = true;
    if (a.endsWith('e')) return { script: args[i + 1] ?? '', newline };
  }
  return { newline };
}

const perl: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.log('');
    ctx.log(`This is perl 5, version ${ctx.image.version.split('.')[1]}, subversion ${ctx.image.version.split('.')[2] ?? 0} (v${ctx.image.version}) built for x86_64-linux-gnu`);
    return 0;
  }
  const { script } = scriptOf(args);
  if (script === undefined) return 0; // no program: perl reads stdin, which is empty
  const bpi = /^\s*print\s+bpi\(\s*([0-9]+)\s*\)\s*;?\s*$/.exec(script);
  if (bpi) {
    const n = Number(bpi[1]);
    ctx.setUsage({ memoryBytes: 8 * 1024 * 1024 });
    // Math::BigFloat is slow: about 2.5 s of CPU for 2,000 digits on a typical node.
    await ctx.sleep(Math.max(100, Math.round((n / 2000) ** 2 * 2500)));
    ctx.log(piDigits(n));
    return 0;
  }
  const print = /^\s*print\s+(?:"([^"]*)"|'([^']*)')\s*;?\s*$/.exec(script);
  if (print) {
    ctx.log((print[1] ?? print[2]).replace(/\\n$/, ''));
    return 0;
  }
  return runMiniScript(ctx, script);
};

/** perlImage is docker.io/library/perl (5.40). */
export const perlImage: ImageDefinition = {
  repository: 'docker.io/library/perl',
  sizeBytes: 336_000_000,
  variantSizes: { '-slim': 40_000_000 },
  tags: {
    aliases: { latest: '5.40.0', '5': '5.40.0', stable: '5.40.0' },
    lines: [...releaseLines(5, 34, 34, 3), ...releaseLines(5, 36, 36, 3), ...releaseLines(5, 38, 38, 2), ...releaseLines(5, 40, 40, 0)],
    variants: ['-slim', '-bookworm', '-slim-bookworm'],
  },
  config: {
    entrypoint: [],
    cmd: ['perl5.40.0', '-de0'],
    workingDir: '/',
    env: [['PATH', DEFAULT_PATH]],
    exposedPorts: [],
    stopSignal: 'SIGTERM',
  },
  programs: { perl, 'perl5.40.0': perl },
  shells: ['sh', 'bash'],
};
