/**
 * The official `redis` image: `redis-server` on 6379 with the 7.4 startup banner, answering
 * PING/ECHO/SET/GET over raw TCP (RESP inline commands, enough for `redis-cli`), saving and
 * exiting cleanly on SIGTERM.
 */
import type { ExecCommand, Program } from '../../runtime/types.ts';
import { quoteArgv } from '../../runtime/shellRunner.ts';
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH } from '../definition.ts';
import { releaseLines } from '../tags.ts';
import { redisLogTime } from './format.ts';

/** answer applies one inline command to the store and returns the RESP reply. */
function answer(store: Map<string, string>, line: string): string {
  const [cmd = '', ...args] = line.trim().split(/\s+/);
  switch (cmd.toUpperCase()) {
    case 'PING':
      return args.length ? `$${args[0].length}\r\n${args[0]}\r\n` : '+PONG\r\n';
    case 'ECHO':
      return `$${(args[0] ?? '').length}\r\n${args[0] ?? ''}\r\n`;
    case 'SET':
      store.set(args[0], args[1] ?? '');
      return '+OK\r\n';
    case 'GET': {
      const v = store.get(args[0]);
      return v === undefined ? '$-1\r\n' : `$${v.length}\r\n${v}\r\n`;
    }
    case 'DBSIZE':
      return `:${store.size}\r\n`;
    default:
      return `-ERR unknown command '${cmd}', with args beginning with: ${args.map((a) => `'${a}' `).join('')}\r\n`;
  }
}

const redisServer: Program = async (ctx) => {
  const t = (role: string): string => `1:${role} ${redisLogTime(ctx.now())}`;
  ctx.log(`${t('C')} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`);
  ctx.log(`${t('C')} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`);
  ctx.log(`${t('C')} * Redis version=${ctx.image.version}, bits=64, commit=00000000, modified=0, pid=1, just started`);
  ctx.log(`${t('C')} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`);
  ctx.log(`${t('M')} * monotonic clock: POSIX clock_gettime`);
  ctx.log(`${t('M')} * Running mode=standalone, port=6379.`);
  ctx.log(`${t('M')} * Server initialized`);
  ctx.log(`${t('M')} * Ready to accept connections tcp`);
  ctx.setUsage({ memoryBytes: 3 * 1024 * 1024 });
  const store = new Map<string, string>();
  ctx.listen(6379, 'TCP', (req) => ({ status: 0, headers: {}, body: req.body.split('\n').filter((l) => l.trim()).map((l) => answer(store, l)).join('') }));
  ctx.onSignal('SIGTERM', () => {
    ctx.log(`1:signal-handler (${Math.floor(ctx.now() / 1000)}) Received SIGTERM scheduling shutdown...`);
    ctx.log(`${t('M')} * User requested shutdown...`);
    ctx.log(`${t('M')} * Saving the final RDB snapshot before exiting.`);
    ctx.log(`${t('M')} * DB saved on disk`);
    ctx.log(`${t('M')} # Redis is now ready to exit, bye bye...`);
    ctx.exit(0);
  });
  return ctx.forever();
};

/** redisCli answers `redis-cli ping` and friends without a server round trip (same container). */
const redisCli: ExecCommand = async (io) => {
  const args = io.argv.slice(1).filter((a, i, all) => !['-h', '-p', '-a'].includes(a) && !['-h', '-p', '-a'].includes(all[i - 1] ?? ''));
  if (args.length === 0) {
    io.stderr('redis-cli: interactive mode needs a terminal\n');
    return 1;
  }
  const reply = answer(new Map(), args.join(' '));
  io.stdout(reply.startsWith('+') ? reply.slice(1, -2) + '\n' : reply.replace(/^\$\d+\r\n/, '').replace(/\r\n$/, '') + '\n');
  return 0;
};

/** redisImage is docker.io/library/redis (7.4). */
export const redisImage: ImageDefinition = {
  repository: 'docker.io/library/redis',
  sizeBytes: 45_300_000,
  variantSizes: { '-alpine': 17_200_000 },
  tags: {
    aliases: { latest: '7.4.1' },
    lines: [...releaseLines(6, 0, 2, 16), ...releaseLines(7, 0, 2, 7), { major: 7, minor: 4, maxPatch: 1 }],
    variants: ['-alpine', '-bookworm'],
  },
  config: {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    workingDir: '/data',
    env: [['PATH', DEFAULT_PATH], ['REDIS_VERSION', '7.4.1']],
    exposedPorts: ['6379/tcp'],
    versionEnv: 'REDIS_VERSION',
    stopSignal: 'SIGTERM',
  },
  programs: {
    'docker-entrypoint.sh': (ctx) => (ctx.argv.length === 1 || ctx.argv[1] === 'redis-server' || ctx.argv[1].startsWith('-') ? redisServer(ctx) : ctx.sh(quoteArgv(ctx.argv.slice(1)))),
    'redis-server': redisServer,
  },
  shells: ['sh', 'bash'],
  commands: { 'redis-cli': redisCli },
  populate(fs) {
    fs.mkdir('/data', { parents: true });
  },
};
