/**
 * kubectl version (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go): client, Kustomize
 * and server versions as text, or the version.Info structs with -o json|yaml. The server's
 * is the cluster's kubernetesVersion; build details are those of the matching upstream release.
 */
import type { KubectlCommand } from '../../command.ts';
import { CommandError, UsageFailure } from '../../errors.ts';
import { toYAML } from '../../printers/yaml.ts';

/** CLIENT_VERSION is the kubectl this playground emulates. */
export const CLIENT_VERSION = 'v1.32.4';
const KUSTOMIZE_VERSION = 'v5.5.0';

/** BUILDS holds gitCommit/buildDate/goVersion of known releases (others get placeholders). */
const BUILDS: Record<string, { gitCommit: string; buildDate: string; goVersion: string }> = {
  'v1.32.4': { gitCommit: '4cb5f0764b8d5f425645c6f433394fede34a8a26', buildDate: '2025-05-15T20:09:34Z', goVersion: 'go1.23.8' },
  'v1.32.2': { gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f', buildDate: '2025-02-12T21:19:47Z', goVersion: 'go1.23.6' },
};

/** versionInfo is apimachinery's version.Info for a gitVersion. */
export function versionInfo(gitVersion: string): Record<string, string> {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  const build = BUILDS[gitVersion] ?? { gitCommit: '0000000000000000000000000000000000000000', buildDate: '2025-01-01T00:00:00Z', goVersion: 'go1.23.6' };
  return {
    major: m?.[1] ?? '',
    minor: m?.[2] ?? '',
    gitVersion,
    gitCommit: build.gitCommit,
    gitTreeState: 'clean',
    buildDate: build.buildDate,
    goVersion: build.goVersion,
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** version is `kubectl version`. */
export const version: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  run(inv) {
    const { ctx, flags } = inv;
    if (inv.args.length > 0) throw new UsageFailure(`unexpected arguments: [${inv.args.join(' ')}]`);
    const output = flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json') throw new CommandError("error: --output must be 'yaml' or 'json'");
    const info: Record<string, unknown> = { clientVersion: versionInfo(CLIENT_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    const server = flags.bool('client') ? undefined : (ctx.serverVersion?.() ?? CLIENT_VERSION);
    if (server) info.serverVersion = versionInfo(server);
    // version.go marshals with two-space indentation, unlike the -o json object printer.
    if (output === 'json') ctx.stdout(`${JSON.stringify(info, null, 2)}\n`);
    else if (output === 'yaml') ctx.stdout(`${toYAML(info)}\n`);
    else {
      let text = `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
      if (server) text += `Server Version: ${server}\n`;
      ctx.stdout(text);
    }
    if (server) {
      const skew = Math.abs(Number(versionInfo(CLIENT_VERSION).minor) - Number(versionInfo(server).minor));
      if (skew > 1) {
        ctx.stderr(
          `WARNING: version difference between client (1.${versionInfo(CLIENT_VERSION).minor}) and server (${versionInfo(server).major}.${versionInfo(server).minor}) exceeds the supported minor version skew of +/-1\n`,
        );
      }
    }
    return 0;
  },
};
