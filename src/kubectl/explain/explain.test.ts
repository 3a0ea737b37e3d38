import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiSchema } from '../../core/api/schema/apiSchema.ts';
import { loadApiSchema } from '../../core/api/schema/loadApiSchema.ts';
import { explain } from './explain.ts';

let schema: ApiSchema;
beforeAll(async () => {
  schema = await loadApiSchema();
});

const run = (...argv: string[]) => explain(argv, { schema });

// Goldens written from kubectl v1.32's plaintext.tmpl: tab after field names, a line of four
// spaces closing DESCRIPTION, two blank lines after FIELD, and a blank line after the last field.
describe('kubectl explain', () => {
  it('explains a kind (kubectl explain pods)', () => {
    const r = run('pods');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    Pod is a collection of containers that can run on a host. This resource is',
        '    created by clients and scheduled onto hosts.',
        '    ',
        'FIELDS:',
        '  apiVersion\t<string>',
        '    APIVersion defines the versioned schema of this representation of an object.',
        '    Servers should convert recognized schemas to the latest internal value, and',
        '    may reject unrecognized values. More info:',
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        '',
        '  kind\t<string>',
      ].join('\n'),
    )).toBe(true);
    expect(r.stdout).toContain('  metadata\t<ObjectMeta>\n    Standard object\'s metadata. More info:\n');
    expect(r.stdout.endsWith('#spec-and-status\n\n\n')).toBe(true);
  });

  it('explains a field with its type description (kubectl explain deployment.spec.strategy)', () => {
    expect(run('deployment.spec.strategy').stdout).toBe(
      [
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: strategy <DeploymentStrategy>',
        '',
        '',
        'DESCRIPTION:',
        '    The deployment strategy to use to replace existing pods with new ones.',
        '    DeploymentStrategy describes how to replace existing pods with new ones.',
        '    ',
        'FIELDS:',
        '  rollingUpdate\t<RollingUpdateDeployment>',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '',
        '  type\t<string>',
        '    Type of deployment. Can be "Recreate" or "RollingUpdate". Default is',
        '    RollingUpdate.',
        '',
        '',
        '',
      ].join('\n'),
    );
  });

  it('lists nested fields with --recursive (kubectl explain pod.spec.containers --recursive)', () => {
    const lines = run('pod.spec.containers', '--recursive').stdout.split('\n');
    expect(lines.slice(0, 19)).toEqual([
      'KIND:       Pod',
      'VERSION:    v1',
      '',
      'FIELD: containers <[]Container>',
      '',
      '',
      'DESCRIPTION:',
      '    List of containers belonging to the pod. Containers cannot currently be',
      '    added or removed. There must be at least one container in a Pod. Cannot be',
      '    updated.',
      '    A single application container that you want to run within a pod.',
      '    ',
      'FIELDS:',
      '  args\t<[]string>',
      '  command\t<[]string>',
      '  env\t<[]EnvVar>',
      '    name\t<string> -required-',
      '    value\t<string>',
      '    valueFrom\t<EnvVarSource>',
    ]);
    expect(lines).toContain('  name\t<string> -required-');
    expect(lines).toContain('    limits\t<map[string]Quantity>');
  });

  it('explains a primitive field without a FIELDS section', () => {
    const out = run('deploy.spec.replicas').stdout;
    expect(out).toContain('FIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods.');
    expect(out).not.toContain('FIELDS:');
  });

  it('resolves short names, kinds in any case, and --api-version', () => {
    expect(run('po').stdout).toBe(run('Pod').stdout);
    expect(run('hpa').stdout).toContain('VERSION:    v2\n');
    expect(run('hpa', '--api-version=autoscaling/v1').stdout).toContain('VERSION:    v1\n');
    expect(run('events').stdout.startsWith('KIND:       Event\nVERSION:    v1\n')).toBe(true);
  });

  it('fails the way kubectl does', () => {
    expect(run('foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    expect(run('pod.spec.foo').stderr).toBe('error: field "foo" does not exist\n');
    expect(run('pod.spec.foo.bar').stderr).toBe('error: field "bar" does not exist\n');
    expect(run().stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(run('pods', 'nodes').stderr).toBe('error: We accept only this format: explain RESOURCE\n');
  });
});
