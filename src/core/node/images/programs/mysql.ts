/**
 * The official `mysql` image (9.1): the entrypoint refuses to initialise without a root password
 * option and exits 1 with its real error; with one it "initialises" (a few seconds of virtual
 * time, ~400 MiB) and listens on 3306 and 33060.
 */
import type { Program, ProcessContext } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { isoSpaceTime } from './format.ts';

const PASSWORD_VARS = ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'];

function note(ctx: ProcessContext, msg: string, level = 'Note', stream: 'stdout' | 'stderr' = 'stdout'): void {
  ctx.log(`${isoSpaceTime(ctx.now())}+00:00 [${level}] [Entrypoint]: ${msg}`, stream);
}

function serverLog(ctx: ProcessContext, msg: string): void {
  const iso = new Date(ctx.now()).toISOString().replace('Z', '000Z');
  ctx.log(`${iso} 0 [System] [MY-010116] [Server] ${msg}`, 'stderr');
}

const entrypoint: Program = async (ctx) => {
  const v = ctx.image.version;
  note(ctx, `Entrypoint script for MySQL Server ${v}-1.el9 started.`);
  note(ctx, "Switching to dedicated user 'mysql'");
  note(ctx, `Entrypoint script for MySQL Server ${v}-1.el9 started.`);
  const initialised = ctx.fs.exists('/var/lib/mysql/mysql') || ctx.fs.exists('/var/lib/mysql/ibdata1');
  if (!initialised && !PASSWORD_VARS.some((k) => ctx.env.get(k))) {
    note(ctx, 'Database is uninitialized and password option is not specified', 'ERROR', 'stderr');
    ctx.log('    You need to specify one of the following as an environment variable:', 'stderr');
    for (const k of PASSWORD_VARS) ctx.log(`    - ${k}`, 'stderr');
    return 1;
  }
  if (!initialised) {
    note(ctx, 'Initializing database files');
    await ctx.sleep(4000);
    ctx.fs.mkdir('/var/lib/mysql/mysql', { parents: true });
    ctx.fs.write('/var/lib/mysql/ibdata1', '');
    note(ctx, 'Database files initialized');
    note(ctx, 'Starting temporary server');
    note(ctx, 'Temporary server started.');
    note(ctx, 'Stopping temporary server');
    note(ctx, 'Temporary server stopped');
    ctx.log('');
    note(ctx, 'MySQL init process done. Ready for start up.');
    ctx.log('');
  }
  serverLog(ctx, `/usr/sbin/mysqld (mysqld ${v}) starting as process 1`);
  await ctx.sleep(1500);
  ctx.setUsage({ memoryBytes: 420 * 1024 * 1024, cpuMilli: 5 });
  ctx.listen(3306, 'TCP', () => ({ status: 0, headers: {}, body: `J\0\0\0\n${v}\0` }));
  ctx.listen(33060, 'TCP', () => ({ status: 0, headers: {}, body: '' }));
  const iso = new Date(ctx.now()).toISOString().replace('Z', '000Z');
  ctx.log(`${iso} 0 [System] [MY-011323] [Server] X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock`, 'stderr');
  ctx.log(`${iso} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`, 'stderr');
  ctx.onSignal('SIGTERM', () => {
    serverLog(ctx, `/usr/sbin/mysqld: Shutdown complete (mysqld ${v})  MySQL Community Server - GPL.`);
    ctx.exit(0);
  });
  return ctx.forever();
};

/** mysqlImage is docker.io/library/mysql (9.1, 8.4 LTS, 8.0). */
export const mysqlImage: ImageDefinition = {
  repository: 'docker.io/library/mysql',
  sizeBytes: 170_000_000,
  tags: {
    aliases: { latest: '9.1.0', lts: '8.4.3', innovation: '9.1.0', '8': '8.4.3' },
    lines: [{ major: 5, minor: 7, maxPatch: 44 }, { major: 8, minor: 0, maxPatch: 40 }, { major: 8, minor: 4, maxPatch: 3 }, { major: 9, minor: 0, maxPatch: 1 }, { major: 9, minor: 1, maxPatch: 0 }],
    variants: ['-oracle', '-oraclelinux9'],
  },
  config: {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    workingDir: '/',
    env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['GOSU_VERSION', '1.17'], ['MYSQL_MAJOR', 'innovation'], ['MYSQL_VERSION', '9.1.0-1.el9'], ['MYSQL_SHELL_VERSION', '9.1.0-1.el9']],
    exposedPorts: ['3306/tcp', '33060/tcp'],
    stopSignal: 'SIGTERM',
  },
  programs: { 'docker-entrypoint.sh': entrypoint, mysqld: entrypoint },
  shells: ['sh', 'bash'],
  populate(fs) {
    fs.mkdir('/var/lib/mysql', { parents: true });
  },
};
