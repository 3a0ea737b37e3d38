/**
 * The official `postgres` image (17): without POSTGRES_PASSWORD (or trust auth) on an empty
 * data directory it prints its real refusal and exits 1; otherwise it initialises and listens on 5432.
 */
import type { Program, ProcessContext } from '../../runtime/types.ts';
import type { ImageDefinition } from '../definition.ts';
import { DEFAULT_PATH } from '../definition.ts';
import { releaseLines } from '../tags.ts';

const PGDATA = '/var/lib/postgresql/data';

/** POSTGRES_NO_PASSWORD is the entrypoint's error text (docker-entrypoint.sh docker_verify_minimum_env). */
export const POSTGRES_NO_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html`;

function pgLog(ctx: ProcessContext, msg: string): void {
  const iso = new Date(ctx.now()).toISOString();
  ctx.log(`${iso.slice(0, 10)} ${iso.slice(11, 23)} UTC [1] LOG:  ${msg}`, 'stderr');
}

const entrypoint: Program = async (ctx) => {
  const v = ctx.image.version;
  const pgdata = ctx.env.get('PGDATA') ?? PGDATA;
  const initialised = ctx.fs.exists(`${pgdata}/PG_VERSION`);
  if (!initialised && !ctx.env.get('POSTGRES_PASSWORD') && ctx.env.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
    for (const line of POSTGRES_NO_PASSWORD.split('\n')) ctx.log(line, 'stderr');
    return 1;
  }
  if (!initialised) {
    ctx.log('The files belonging to this database system will be owned by user "postgres".');
    ctx.log('This user must also own the server process.');
    ctx.log('');
    ctx.log('The database cluster will be initialized with locale "en_US.utf8".');
    ctx.log('The default database encoding has accordingly been set to "UTF8".');
    ctx.log('The default text search configuration will be set to "english".');
    ctx.log('');
    ctx.log('Data page checksums are disabled.');
    ctx.log('');
    await ctx.sleep(2000);
    ctx.fs.mkdir(pgdata, { parents: true });
    ctx.fs.write(`${pgdata}/PG_VERSION`, `${v.split('.')[0]}\n`);
    ctx.log('Success. You can now start the database server using:');
    ctx.log('');
    ctx.log(`    pg_ctl -D ${pgdata} -l logfile start`);
    ctx.log('');
    ctx.log('');
    ctx.log('PostgreSQL init process complete; ready for start up.');
    ctx.log('');
  } else {
    ctx.log('');
    ctx.log('PostgreSQL Database directory appears to contain a database; Skipping initialization');
    ctx.log('');
  }
  pgLog(ctx, `starting PostgreSQL ${v} (Debian ${v}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`);
  pgLog(ctx, 'listening on IPv4 address "0.0.0.0", port 5432');
  pgLog(ctx, 'listening on IPv6 address "::", port 5432');
  pgLog(ctx, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"');
  pgLog(ctx, 'database system is ready to accept connections');
  ctx.setUsage({ memoryBytes: 40 * 1024 * 1024 });
  ctx.listen(5432, 'TCP', () => ({ status: 0, headers: {}, body: '' }));
  ctx.onSignal('SIGTERM', () => {
    pgLog(ctx, 'received smart shutdown request');
    pgLog(ctx, 'database system is shut down');
    ctx.exit(0);
  });
  ctx.onSignal('SIGINT', () => {
    pgLog(ctx, 'received fast shutdown request');
    pgLog(ctx, 'database system is shut down');
    ctx.exit(0);
  });
  return ctx.forever();
};

/** postgresImage is docker.io/library/postgres (17; STOPSIGNAL SIGINT = fast shutdown). */
export const postgresImage: ImageDefinition = {
  repository: 'docker.io/library/postgres',
  sizeBytes: 151_000_000,
  variantSizes: { '-alpine': 105_000_000 },
  tags: {
    aliases: { latest: '17.2' },
    lines: [...releaseLines(13, 0, 18, 0), ...releaseLines(14, 0, 15, 0), ...releaseLines(15, 0, 10, 0), ...releaseLines(16, 0, 6, 0), ...releaseLines(17, 0, 2, 0)],
    twoPart: true,
    variants: ['-alpine', '-bookworm', '-bullseye'],
  },
  config: {
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['postgres'],
    workingDir: '/',
    env: [['PATH', `${DEFAULT_PATH}:/usr/lib/postgresql/17/bin`], ['GOSU_VERSION', '1.17'], ['LANG', 'en_US.utf8'], ['PG_MAJOR', '17'], ['PG_VERSION', '17.2-1.pgdg120+1'], ['PGDATA', PGDATA]],
    exposedPorts: ['5432/tcp'],
    stopSignal: 'SIGINT',
  },
  programs: { 'docker-entrypoint.sh': entrypoint, postgres: entrypoint },
  shells: ['sh', 'bash'],
  populate(fs) {
    fs.mkdir(PGDATA, { parents: true });
  },
};
