/**
 * serve: the cluster over the Kubernetes HTTP API, for the real kubectl and client libraries
 * (DESIGN §8): `kubeplay serve [--port 6443] [--kubeconfig PATH]`.
 *
 * A fresh default cluster lives in wall-clock time (RealtimeDriver) while the gateway
 * (./gateway) answers on 127.0.0.1 only; a kubeconfig pointing at it is written, and SIGINT
 * or SIGTERM shut everything down.
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Server } from 'node:http';
import { loadApiSchema } from '../core/api/schema/index.ts';
import { DEFAULT_OPTIONS, type Cluster } from '../core/sim/cluster.ts';
import { createCluster } from '../core/sim/createCluster.ts';
import { RealtimeDriver } from '../session/realtimeDriver.ts';
import { createGateway } from './gateway/gateway.ts';
import { kubeconfigFor } from './gateway/kubeconfig.ts';

/** ServeOptions configure one gateway. */
export interface ServeOptions {
  /** port to listen on (0 picks a free one). */
  port: number;
  /** kubeconfig is where the kubeconfig is written (undefined: do not write one). */
  kubeconfig?: string;
}

/** ServeHandle is a running gateway. */
export interface ServeHandle {
  cluster: Cluster;
  /** driver moves the cluster's time with the wall clock (a terminal session on the same cluster can share it). */
  driver: RealtimeDriver;
  server: Server;
  port: number;
  url: string;
  /** close stops the listener, open connections and the clock. */
  close(): Promise<void>;
}

/** startServe creates a cluster and serves it; resolves once listening. */
export async function startServe(opts: ServeOptions): Promise<ServeHandle> {
  const schema = await loadApiSchema();
  // Real clients compute some ages themselves (describe's events, `kubectl get -o yaml` readers),
  // so the served cluster's virtual clock starts in step with the wall clock.
  const cluster = createCluster({ startTime: Date.now() - DEFAULT_OPTIONS.settleMs }, { schema });
  const driver = new RealtimeDriver(cluster);
  let url = '';
  const server = createGateway({
    client: cluster.client(),
    gitVersion: cluster.options.kubernetesVersion,
    schema,
    settle: () => cluster.settle(),
    serverAddress: () => url.replace(/^http:\/\//, ''),
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  if (opts.kubeconfig) writeFileSync(opts.kubeconfig, kubeconfigFor(url));
  driver.start();
  return {
    cluster,
    driver,
    server,
    port,
    url,
    close: () =>
      new Promise<void>((ok) => {
        driver.stop();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

const USAGE = 'Usage: kubeplay serve [--port N] [--kubeconfig PATH]\n';

/** parseServeArgs reads `--port N` (default 6443) and `--kubeconfig PATH` (default ./kubeconfig.kubeplay). */
export function parseServeArgs(args: string[]): ServeOptions | string {
  const opts: ServeOptions = { port: 6443, kubeconfig: 'kubeconfig.kubeplay' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i];
    switch (flag) {
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return `kubeplay serve: invalid --port "${v}"\n${USAGE}`;
        opts.port = port;
        break;
      }
      case '--kubeconfig': {
        const v = value();
        if (!v) return `kubeplay serve: --kubeconfig needs a path\n${USAGE}`;
        opts.kubeconfig = v;
        break;
      }
      case '-h':
      case '--help':
        return USAGE;
      default:
        return `kubeplay serve: unknown argument "${args[i]}"\n${USAGE}`;
    }
  }
  opts.kubeconfig = resolve(opts.kubeconfig!);
  return opts;
}

/** serve runs the gateway until SIGINT/SIGTERM; resolves to the exit status. */
export async function serve(args: string[]): Promise<number> {
  const opts = parseServeArgs(args);
  if (typeof opts === 'string') {
    const help = args.includes('-h') || args.includes('--help');
    (help ? process.stdout : process.stderr).write(opts);
    return help ? 0 : 2;
  }
  let handle: ServeHandle;
  try {
    handle = await startServe(opts);
  } catch (err) {
    process.stderr.write(`kubeplay serve: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(
    `kubeplay serve: a Kubernetes ${handle.cluster.options.kubernetesVersion} API server on ${handle.url}\n` +
      `kubeconfig written to ${opts.kubeconfig}\n` +
      `  export KUBECONFIG=${opts.kubeconfig}\n` +
      `  kubectl get nodes\n` +
      'Press Ctrl-C to stop.\n',
  );
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await handle.close();
  process.stdout.write('kubeplay serve: stopped\n');
  return 0;
}
