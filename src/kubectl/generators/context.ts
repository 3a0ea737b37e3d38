/**
 * GeneratorContext: what a generator may need from outside its flags.
 *
 * Generators are pure: files, discovery and existing objects come in through these
 * functions so the same code runs in the browser worker, in Node tests and in the CLI.
 */
import type { KubeObject } from '../../core/api/types.ts';

/** ResolvedResource is a RESTMapper answer: the full plural resource name and its group. */
export interface ResolvedResource {
  group: string;
  resource: string;
}

/** GeneratorContext carries the environment a generator reads (all optional). */
export interface GeneratorContext {
  /**
   * namespace is set only when the user chose it explicitly (-n/--namespace); kubectl then
   * writes metadata.namespace (its `EnforceNamespace`). The kubeconfig default is not explicit.
   */
  namespace?: string;
  /** readFile returns a workspace file's text, or undefined when it does not exist. */
  readFile?: (path: string) => string | undefined;
  /** getEnv answers `$KEY` lookups for env-file lines without "=" (kubectl reads its own environment). */
  getEnv?: (key: string) => string | undefined;
  /**
   * resolveResource maps a resource (plural, singular or short name) and optional group to
   * its full name like kubectl's RESTMapper.ResourceFor; undefined means "not served".
   */
  resolveResource?: (resource: string, group: string) => ResolvedResource | undefined;
  /** warn receives kubectl's "Warning: ..." lines (printed to stderr, command still succeeds). */
  warn?: (message: string) => void;
  /** getObject fetches an existing object (e.g. `create job --from=cronjob/x`). */
  getObject?: (resource: string, name: string) => KubeObject | undefined;
}
