/**
 * MonacoEditor is the React shell around the lazily loaded editor: it renders the host
 * element, imports the `monaco` chunk (monacoSetup.ts) once mounted, and passes theme and
 * font size changes on. Handlers are read through a ref so the editor is created only once.
 */
import { useEffect, useRef } from 'react';
import type { EditorApi } from './monacoSetup.ts';

export type { EditorApi } from './monacoSetup.ts';

interface Props {
  schema: unknown;
  theme: 'dark' | 'light';
  fontSize: number;
  onReady(api: EditorApi): void;
  onApply(): void;
  onSave(): void;
}

export function MonacoEditor({ schema, theme, fontSize, onReady, onApply, onSave }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const api = useRef<EditorApi | undefined>(undefined);
  const latest = useRef({ onApply, onSave, onReady, theme, fontSize });
  latest.current = { onApply, onSave, onReady, theme, fontSize };

  useEffect(() => {
    let disposed = false;
    void import('./monacoSetup.ts').then(({ createEditor }) => {
      if (disposed || !host.current) return;
      const l = latest.current;
      api.current = createEditor(host.current, {
        schema,
        theme: l.theme,
        fontSize: l.fontSize,
        onApply: () => latest.current.onApply(),
        onSave: () => latest.current.onSave(),
      });
      l.onReady(api.current);
    });
    return () => {
      disposed = true;
      api.current?.dispose();
      api.current = undefined;
    };
  }, [schema]);

  useEffect(() => api.current?.setTheme(theme), [theme]);
  useEffect(() => api.current?.setFontSize(fontSize), [fontSize]);

  return <div className="monaco-host" ref={host} />;
}
