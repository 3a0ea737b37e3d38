/**
 * MonacoEditor hosts one Monaco editor (lazily loaded with its chunk). It shows one model per
 * workspace path, maps Ctrl/Cmd-Enter to apply and Ctrl/Cmd-S to save, and shows the
 * server's diagnostics as markers. Typing aids that would rewrite typed text (auto-indent,
 * auto-closing, accept-suggestion-on-Enter) are off, so pasted and typed YAML stays as typed.
 */
import { useEffect, useRef } from 'react';
import type { Diagnostic } from '../../../protocol/messages.ts';
import { setupMonaco, type Monaco } from './monacoSetup.ts';

/** EditorApi is what the panel can do with the editor. */
export interface EditorApi {
  getValue(): string;
  open(path: string, content: string): void;
  setDiagnostics(path: string, diagnostics: Diagnostic[]): void;
  focus(): void;
  /** reveal moves the cursor to a line and scrolls it into view. */
  reveal(line: number): void;
}

interface Props {
  schema: unknown;
  theme: 'dark' | 'light';
  fontSize: number;
  onReady(api: EditorApi): void;
  onApply(): void;
  onSave(): void;
}

const OWNER = 'kubeplay-apply';

export default function MonacoEditor({ schema, theme, fontSize, onReady, onApply, onSave }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const monacoRef = useRef<Monaco | undefined>(undefined);
  const handlers = useRef({ onApply, onSave });
  handlers.current = { onApply, onSave };

  useEffect(() => {
    const monaco = setupMonaco(schema);
    monacoRef.current = monaco;
    const editor = monaco.editor.create(host.current!, {
      automaticLayout: true,
      language: 'yaml',
      theme: theme === 'dark' ? 'vs-dark' : 'vs',
      fontSize,
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
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onApply());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => handlers.current.onSave());
    const uriOf = (path: string) => monaco.Uri.parse(`file:///root/${path.replace(/^\/+/, '')}`);
    onReady({
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
    });
    // The editor is created once; theme and font size are updated by the effects below.
    return () => editor.dispose();
  }, []);

  useEffect(() => {
    monacoRef.current?.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);
  useEffect(() => {
    monacoRef.current?.editor.getEditors().forEach((e) => e.updateOptions({ fontSize }));
  }, [fontSize]);

  return <div className="monaco-host" ref={host} />;
}
