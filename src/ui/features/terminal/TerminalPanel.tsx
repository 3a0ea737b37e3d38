/**
 * TerminalPanel is one terminal tab: xterm.js (DOM renderer, so the visible rows are plain
 * text in the page, which tests and screen readers read) driven by a LineEditor, talking to
 * the worker's shell through the bridge. The worker's `\n` become `\r\n` for the terminal.
 * The fit addon keeps the grid the size of the panel; the worker's shell learns each new size.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { TabId } from '../../../protocol/requests.ts';
import { useBridge } from '../../bridge/context.ts';
import { useAppStore } from '../../state/appStore.ts';
import { LineEditor } from './lineEditor.ts';
import { terminalTheme } from './terminalTheme.ts';

/** TerminalPanel renders the terminal for `tab`. */
export function TerminalPanel({ tab, active = true }: { tab: TabId; active?: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const bridge = useBridge();
  const theme = useAppStore((s) => s.theme);
  const fontScale = useAppStore((s) => s.fontScale);
  const term = useRef<Terminal | undefined>(undefined);
  const refit = useRef<() => void>(() => undefined);

  useEffect(() => {
    const el = host.current!;
    const t = new Terminal({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace',
      fontSize: Math.round(14 * useAppStore.getState().fontScale),
      cursorBlink: true,
      scrollback: 5000,
      convertEol: true,
      theme: terminalTheme(useAppStore.getState().theme),
    });
    term.current = t;
    const fit = new FitAddon();
    t.loadAddon(fit);
    t.open(el);
    const editor = new LineEditor({
      write: (d) => t.write(d),
      submit: (line) => bridge.send({ type: 'terminal.input', tab, line }),
      interrupt: () => bridge.send({ type: 'terminal.interrupt', tab }),
      complete: (line, cursor) =>
        bridge.request((id) => ({ type: 'terminal.complete', id, tab, line, cursor }), 'terminal.completion'),
    });
    editor.setHistory(useAppStore.getState().history);
    const offHistory = useAppStore.subscribe((s, prev) => s.history !== prev.history && editor.setHistory(s.history));
    if (!useAppStore.getState().ready) t.write('Starting a simulated Kubernetes v1.32 cluster...\r\n');
    const offs = [
      bridge.on('terminal.output', (m) => m.tab === tab && t.write(m.data)),
      bridge.on('terminal.prompt', (m) => m.tab === tab && editor.showPrompt(m.prompt)),
    ];
    // Copy with Ctrl-Shift-C (Ctrl-C stays the interrupt, as in every Linux terminal).
    t.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && e.ctrlKey && e.shiftKey && e.code === 'KeyC') {
        void navigator.clipboard?.writeText(t.getSelection());
        return false;
      }
      return true;
    });
    t.onData((d) => editor.feed(d));
    // Fit the grid to the panel (xterm reflows the lines already printed) and tell the
    // worker's shell the new size once it changed (COLUMNS/LINES, the width `watch` uses).
    let sent = '';
    const resize = () => {
      if (el.clientWidth === 0 || t.element === undefined) return;
      fit.fit();
      const size = `${t.cols}x${t.rows}`;
      if (size === sent) return;
      sent = size;
      bridge.send({ type: 'terminal.resize', tab, cols: t.cols, rows: t.rows });
    };
    refit.current = resize;
    // One fit per frame however many resize notifications a drag produces.
    let frame = 0;
    const observer = new ResizeObserver(() => {
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        resize();
      });
    });
    observer.observe(el);
    resize();
    bridge.send({ type: 'terminal.open', tab });
    t.focus();
    return () => {
      offs.forEach((off) => off());
      offHistory();
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      refit.current = () => undefined;
      t.dispose();
    };
  }, [bridge, tab]);

  useEffect(() => {
    if (active) term.current?.focus();
  }, [active]);

  useEffect(() => {
    const t = term.current;
    if (!t) return;
    t.options.theme = terminalTheme(theme);
    t.options.fontSize = Math.round(14 * fontScale);
    // A new text size changes the cell size, so the same panel holds other columns and rows.
    refit.current();
  }, [theme, fontScale]);

  // Only the visible tab carries the test hook, so `getByTestId('terminal')` is always one element.
  return <div className="terminal" data-testid={active ? 'terminal' : undefined} ref={host} aria-label={`Terminal ${tab}`} hidden={!active} id={`terminal-${tab}`} role="tabpanel" />;
}
