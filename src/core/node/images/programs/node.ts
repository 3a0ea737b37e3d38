/**
 * The official `node` image: the default `node` REPL exits 0 at once without a TTY; a missing
 * script fails with Node's real MODULE_NOT_FOUND trace (exit 1); `-e` and small scripts run
 * through the mini interpreter.
 */
import type { ProcessContext, Program } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH } from '../definition.ts';
import { releaseLines } from '../tags.ts';
import { runMiniScript } from './miniScript.ts';

/**
 * runNode is the `node` binary run with `argv` (its own argv, which an entrypoint may have
 * rewritten: argv is a parameter because ProcessContext is a class and cannot be spread).
 */
async function runNode(ctx: ProcessContext, argv: readonly string[]): Promise<number> {
  const args = argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    ctx.log(`v${ctx.image.version}`);
    return 0;
  }
  if (args[0] === '-e' || args[0] === '--eval') return runMiniScript(ctx, args[1] ?? '');
  if (args.length === 0 || args[0] === '-i') return ctx.stdin ? ctx.forever() : 0;
  const file = ctx.fs.resolve(args[0], ctx.cwd);
  const candidates = [file, `${file}.js`, `${file}/index.js`];
  const found = candidates.find((f) => ctx.fs.exists(f) && ctx.fs.stat(f).type === 'file');
  if (!found) {
    const trace = [
      'node:internal/modules/cjs/loader:1228',
      '  throw err;',
      '  ^',
      '',
      `Error: Cannot find module '${file}'`,
      '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
      '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
      '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)',
      '    at node:internal/main/run_main_module:28:49 {',
      "  code: 'MODULE_NOT_FOUND',",
      '  requireStack: []',
      '}',
      '',
      `Node.js v${ctx.image.version}`,
    ];
    for (const line of trace) ctx.log(line, 'stderr');
    return 1;
  }
  return runMiniScript(ctx, ctx.fs.read(found));
}

const node: Program = (ctx) => runNode(ctx, ctx.argv);

/** nodeImage is docker.io/library/node (22 LTS, 23 current). */
export const nodeImage: ImageDefinition = {
  repository: 'docker.io/library/node',
  sizeBytes: 398_000_000,
  variantSizes: { '-slim': 66_000_000, '-alpine': 57_000_000, '-bookworm-slim': 66_000_000 },
  tags: {
    aliases: { latest: '23.4.0', current: '23.4.0', lts: '22.12.0' },
    lines: [...releaseLines(18, 0, 19, 1), { major: 18, minor: 20, maxPatch: 5 }, ...releaseLines(20, 0, 17, 0), { major: 20, minor: 18, maxPatch: 1 }, ...releaseLines(22, 0, 11, 0), { major: 22, minor: 12, maxPatch: 0 }, ...releaseLines(23, 0, 4, 0)],
    variants: ['-slim', '-alpine', '-bookworm', '-bookworm-slim'],
  },
  config: {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['node'],
    workingDir: '/',
    env: [['PATH', DEFAULT_PATH], ['NODE_VERSION', '23.4.0'], ['YARN_VERSION', '1.22.22']],
    exposedPorts: [],
    versionEnv: 'NODE_VERSION',
    stopSignal: 'SIGTERM',
  },
  programs: {
    // The entrypoint prepends `node` when the first argument is a flag or a .js file, else execs it.
    'docker-entrypoint.sh': (ctx) => {
      const a = ctx.argv.slice(1);
      if (a.length === 0 || a[0].startsWith('-') || a[0].endsWith('.js') || a[0] === 'node') {
        return runNode(ctx, a[0] === 'node' ? a : ['node', ...a]);
      }
      return ctx.sh(a.map((s) => `'${s.replace(/'/g, `'\\''`)}'`).join(' '));
    },
    node,
  },
  shells: ['sh', 'bash'],
};
