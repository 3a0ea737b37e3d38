/**
 * terminalTheme gives xterm colours that match the app's dark and light themes, with
 * contrast high enough for a classroom projector.
 */
import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../../state/appStore.ts';

export function terminalTheme(theme: Theme): ITheme {
  return theme === 'dark'
    ? { background: '#11151c', foreground: '#e6e9ef', cursor: '#7aa2f7', selectionBackground: '#33467c' }
    : { background: '#fbfbfd', foreground: '#1c2330', white: '#5c6370', brightWhite: '#1c2330', cursor: '#2f5bd3', selectionBackground: '#c8d6f5', black: '#1c2330', brightBlack: '#5c6370' };
}
