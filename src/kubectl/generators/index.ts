/**
 * kubectl's client-side object generators: one pure function per `create` subcommand,
 * `run`, `expose` and `create token`, plus their help text and flag tables as data.
 */
import helpText from './helpText.json' with { type: 'json' };

export { UsageError, renderUsageError, type ErrorStyle } from './usageError.ts';
export type { GeneratorContext, ResolvedResource } from './context.ts';
export type { GeneratedObject } from './meta.ts';
export { generateDeployment, containerNameFromImage, type DeploymentFlags } from './deployment.ts';
export { generateService, parseTCPPort, type ServiceFlags, type ServiceType } from './service.ts';
export { generateConfigMap, type ConfigMapFlags } from './configMap.ts';
export {
  generateSecretGeneric,
  generateSecretTLS,
  generateSecretDockerRegistry,
  type SecretGenericFlags,
  type SecretTLSFlags,
  type SecretDockerRegistryFlags,
} from './secret.ts';
export { generateJob, type JobFlags } from './job.ts';
export { generateCronJob, type CronJobFlags } from './cronJob.ts';
export { generateNamespace, generateServiceAccount } from './namespace.ts';
export { generateRole, generateClusterRole, type RoleFlags, type ClusterRoleFlags } from './role.ts';
export { generateRoleBinding, generateClusterRoleBinding, type RoleBindingFlags } from './roleBinding.ts';
export { generateQuota, type QuotaFlags } from './quota.ts';
export { generatePodDisruptionBudget, labelSelector, type PodDisruptionBudgetFlags } from './podDisruptionBudget.ts';
export { generateIngress, type IngressFlags } from './ingress.ts';
export { generatePriorityClass, type PriorityClassFlags } from './priorityClass.ts';
export { generateRun, type RunFlags } from './run.ts';
export { generateExpose, type ExposeFlags } from './expose.ts';
export { generateTokenRequest, type TokenFlags } from './token.ts';

/** FlagType is the pflag type of a flag: how repeated values and commas are parsed. */
export type FlagType = 'string' | 'bool' | 'int' | 'duration' | 'stringSlice' | 'stringArray' | 'map';

/** FlagSpec describes one flag as `kubectl <cmd> -h` shows it. */
export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  default: string | number | boolean | string[] | Record<string, string>;
  help: string;
}

/** CommandHelp is the parsed `kubectl <cmd> -h` of one generator command. */
export interface CommandHelp {
  command: string;
  description: string;
  examples: string;
  options: FlagSpec[];
  usage: string;
}

/**
 * generatorHelp maps a command path ("create deployment", "run", "expose", ...) to its help
 * text and flags, captured from kubectl v1.32 by testdata/extractHelp.mjs. Flag names map
 * to flag-interface fields by camelCase ("--node-port" → nodePort).
 */
export const generatorHelp = helpText as Record<string, CommandHelp>;
