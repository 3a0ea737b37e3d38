/**
 * monacoSetup loads Monaco (the editor API only, plus YAML) and monaco-yaml, wires their web
 * workers through Vite's `?worker` imports (bundled, same origin, never a CDN), feeds
 * monaco-yaml the Kubernetes JSON Schema the cluster worker derives from its API schema, and
 * creates the editor. This module and what it imports form the ONE lazy `monaco` chunk: it
 * imports no React, so the chunk pulls in nothing the first page load already has.
 *
 * NOTE: monaco-editor is pinned to 0.52.2: from 0.53 `editor.createWebWorker` needs a Worker
 * instance, which monaco-yaml 5 does not pass yet (remcohaszing/monaco-yaml#272).
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import type { Diagnostic } from '../../../protocol/messages.ts';

/** EditorApi is what the panel can do with the editor. */
export interface EditorApi {
  getValue(): string;
  open(path: string, content: string): void;
  setDiagnostics(path: string, diagnostics: Diagnostic[]): void;
  focus(): void;
  /** reveal moves the cursor to a line and scrolls it into view. */
  reveal(line: number): void;
  setTheme(theme: 'dark' | 'light'): void;
  setFontSize(px: number): void;
  dispose(): void;
}

/** EditorOptions configure a new editor. */
export interface EditorOptions {
  schema: unknown;
  theme: 'dark' | 'light';
  fontSize: number;
  onApply(): void;
  onSave(): void;
}

const OWNER = 'kubeplay-apply';
let configured = false;

function configure(schema: unknown): void {
  if (configured) return;
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
}

const themeName = (t: 'dark' | 'light') => (t === 'dark' ? 'vs-dark' : 'vs');

/**
 * createEditor makes one Monaco editor in `host`. Typing aids that would rewrite typed text
 * (auto-indent, auto-closing, accept-suggestion-on-Enter) are off, so pasted and typed YAML
 * stays as typed. Ctrl/Cmd-Enter applies, Ctrl/Cmd-S saves.
 */
export function createEditor(host: HTMLElement, opts: EditorOptions): EditorApi {
  configure(opts.schema);
  const editor = monaco.editor.create(host, {
    automaticLayout: true,
    language: 'yaml',
    theme: themeName(opts.theme),
    fontSize: opts.fontSize,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    autoIndent: 'none',
    autoClosingBrackets: 'never',
    autoClosingQuotes: 'never',
    formatOnType: false,
    acceptSuggestionOnEnter: 'off',
    ariaLabel: 'Manifest editor',
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => opts.onApply());
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => opts.onSave());
  const uriOf = (path: string) => monaco.Uri.parse(`file:///root/${path.replace(/^\/+/, '')}`);
  return {
    getValue: () => editor.getValue(),
    open: (path, content) => {
      const uri = uriOf(path);
      const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(content, 'yaml', uri);
      if (model.getValue() !== content) model.setValue(content);
      editor.setModel(model);
    },
    setDiagnostics: (path, diagnostics) => {
      const model = monaco.editor.getModel(uriOf(path));
      if (!model) return;
      monaco.editor.setModelMarkers(
        model,
        OWNER,
        diagnostics.map((d) => {
          const line = Math.max(1, Math.min(d.line || 1, model.getLineCount()));
          return { severity: monaco.MarkerSeverity.Error, message: d.message, startLineNumber: line, endLineNumber: line, startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1, endColumn: model.getLineMaxColumn(line) };
        }),
      );
    },
    focus: () => editor.focus(),
    reveal: (line) => {
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    },
    setTheme: (t) => monaco.editor.setTheme(themeName(t)),
    setFontSize: (px) => editor.updateOptions({ fontSize: px }),
    dispose: () => editor.dispose(),
  };
}
