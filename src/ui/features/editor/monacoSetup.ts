/**
 * monacoSetup loads Monaco (the editor API only, plus YAML) and monaco-yaml once, wires
 * their web workers through Vite's `?worker` imports (bundled, same origin, never a CDN),
 * and feeds monaco-yaml the Kubernetes JSON Schema the cluster worker derives from its API
 * schema. This module and everything it imports form the one lazy `monaco` chunk.
 *
 * NOTE: monaco-editor is pinned to 0.52.2: from 0.53 `editor.createWebWorker` needs a Worker
 * instance, which monaco-yaml 5 does not pass yet (remcohaszing/monaco-yaml#272).
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';

/** Monaco is the editor API namespace. */
export type Monaco = typeof monaco;

let configured = false;

/** setupMonaco returns the monaco API, configuring workers and the YAML schema on first call. */
export function setupMonaco(schema: unknown): Monaco {
  if (configured) return monaco;
  configured = true;
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    hover: true,
    completion: true,
    schemas: schema ? [{ uri: 'kubeplay://schemas/kubernetes-v1.32.json', fileMatch: ['*'], schema: schema as never }] : [],
  });
  return monaco;
}
