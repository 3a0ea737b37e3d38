/**
 * EditorPanel: the workspace files (shared with the terminal, owned by the worker), the
 * Monaco editor (loaded lazily, once the page is idle), Apply (button or Ctrl/Cmd-Enter =
 * `kubectl apply -f <file>` in the worker) with its output and line markers, Save
 * (Ctrl/Cmd-S), and `kubectl edit` sessions: the live object's YAML opens here, and
 * saving sends it back to the waiting command.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../../protocol/messages.ts';
import { useBridge } from '../../bridge/context.ts';
import { useAppStore } from '../../state/appStore.ts';
import { MonacoEditor, type EditorApi } from './MonacoEditor.tsx';
import { STARTER_MANIFEST, STARTER_PATH } from './starterManifest.ts';

interface EditSession {
  id: number;
  path: string;
  text: string;
}

interface Result {
  status: number;
  output: string;
  diagnostics?: Diagnostic[];
}

function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const w = window as Window & { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number };
    if (w.requestIdleCallback) w.requestIdleCallback(() => setIdle(true), { timeout: 1500 });
    else setTimeout(() => setIdle(true), 300);
  }, []);
  return idle;
}

export function EditorPanel() {
  const bridge = useBridge();
  const files = useAppStore((s) => s.files);
  const ready = useAppStore((s) => s.ready);
  const theme = useAppStore((s) => s.theme);
  const fontScale = useAppStore((s) => s.fontScale);
  const [path, setPath] = useState(STARTER_PATH);
  const [api, setApi] = useState<EditorApi | undefined>(undefined);
  const [schema, setSchema] = useState<unknown>(undefined);
  const [schemaLoaded, setSchemaLoaded] = useState(false);
  const [result, setResult] = useState<Result | undefined>(undefined);
  const [edit, setEdit] = useState<EditSession | undefined>(undefined);
  const idle = useIdle();
  const opened = useRef(false);

  useEffect(() => {
    if (!ready || schemaLoaded) return;
    void bridge.request((id) => ({ type: 'schema.get', id }), 'schema.json').then((m) => {
      setSchema(m.schema);
      setSchemaLoaded(true);
    });
  }, [bridge, ready, schemaLoaded]);

  const openFile = useCallback(
    async (p: string) => {
      if (!api) return;
      const m = await bridge.request((id) => ({ type: 'workspace.read', id, path: p }), 'workspace.content');
      api.open(p, m.content ?? (p === STARTER_PATH ? STARTER_MANIFEST : ''));
      setPath(p);
      setResult(undefined);
    },
    [api, bridge],
  );

  useEffect(() => {
    if (!api || opened.current || !ready) return;
    opened.current = true;
    void openFile(files.includes(STARTER_PATH) || files.length === 0 ? STARTER_PATH : files[0]);
  }, [api, ready, files, openFile]);

  useEffect(
    () =>
      bridge.on('edit.open', (m) => {
        setEdit({ id: m.id, path: m.path.replace(/^\/+/, ''), text: m.text });
        setResult({ status: 0, output: `Editing a live object: save (Ctrl/Cmd-S) to apply it, or Cancel.` });
      }),
    [bridge],
  );

  // An edit may arrive before Monaco has loaded: open it as soon as the editor exists.
  const shownEdit = useRef(0);
  const returnTo = useRef<string | undefined>(undefined);
  const finishEdit = () => {
    setEdit(undefined);
    setResult(undefined);
    const back = returnTo.current;
    returnTo.current = undefined;
    if (back) void openFile(back);
  };
  useEffect(() => {
    if (!api || !edit || shownEdit.current === edit.id) return;
    shownEdit.current = edit.id;
    if (!returnTo.current) returnTo.current = path;
    api.open(edit.path, edit.text);
    setPath(edit.path);
    api.focus();
  }, [api, edit]);

  const save = useCallback(() => {
    if (!api) return;
    if (edit) {
      bridge.send({ type: 'edit.response', id: edit.id, text: api.getValue() });
      return finishEdit();
    }
    bridge.send({ type: 'workspace.write', path, content: api.getValue() });
  }, [api, bridge, edit, path]);

  const apply = useCallback(async () => {
    if (!api) return;
    if (edit) return save();
    const content = api.getValue();
    const m = await bridge.request((id) => ({ type: 'editor.apply', id, tab: 'editor', path, content }), 'apply.result');
    setResult({ status: m.status, output: m.output, diagnostics: m.diagnostics });
    api.setDiagnostics(path, m.diagnostics);
  }, [api, bridge, edit, path, save]);

  const cancelEdit = () => {
    if (!edit) return;
    bridge.send({ type: 'edit.response', id: edit.id });
    finishEdit();
  };

  const newFile = () => {
    const name = prompt('New file name', 'manifest.yaml');
    if (!name || !api) return;
    bridge.send({ type: 'workspace.write', path: name, content: '' });
    api.open(name, '');
    setPath(name);
  };

  const choices = [...new Set([...files, ...(edit ? [] : [path])])].sort();
  return (
    <div className="editor-panel">
      <div className="panel-toolbar" role="toolbar" aria-label="Editor">
        {edit ? (
          <span className="edit-banner">kubectl edit: {path}</span>
        ) : (
          <label>
            <span className="sr-only">File</span>
            <select value={path} onChange={(e) => void openFile(e.target.value)} aria-label="Workspace file">
              {choices.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
        )}
        {!edit && (
          <button type="button" onClick={newFile}>
            New
          </button>
        )}
        <button type="button" onClick={save} title="Save (Ctrl/Cmd-S)" disabled={!api}>
          Save
        </button>
        {edit && (
          <button type="button" onClick={cancelEdit}>
            Cancel
          </button>
        )}
        <button type="button" className="primary" data-testid="apply" onClick={() => void apply()} title="kubectl apply -f (Ctrl/Cmd-Enter)" disabled={!api}>
          Apply
        </button>
      </div>
      <div className="editor-body" data-testid="editor">
        {idle && schemaLoaded ? (
          <MonacoEditor schema={schema} theme={theme} fontSize={Math.round(14 * fontScale)} onReady={setApi} onApply={() => void apply()} onSave={save} />
        ) : (
          <p className="muted loading">Loading the editor…</p>
        )}
      </div>
      {result && (
        <div className={`apply-output ${result.status === 0 ? 'ok' : 'failed'}`} role="status" data-testid="apply-output">
          <pre>{result.output}</pre>
          {result.diagnostics && result.diagnostics.length > 0 && (
            <ul className="diagnostics" aria-label="Problems" data-testid="diagnostics">
              {result.diagnostics.map((d, i) => (
                <li key={i} data-line={d.line}>
                  <button type="button" onClick={() => api?.reveal(Math.max(1, d.line))}>
                    Line {d.line || 1}
                  </button>{' '}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
