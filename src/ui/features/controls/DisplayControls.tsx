/**
 * DisplayControls: light/dark theme and text size (A−/A+), so the playground reads well on
 * a laptop and on a classroom projector.
 */
import { useAppStore } from '../../state/appStore.ts';

export function DisplayControls() {
  const theme = useAppStore((s) => s.theme);
  const fontScale = useAppStore((s) => s.fontScale);
  const set = useAppStore((s) => s.set);
  const scale = (d: number) => set({ fontScale: Math.round(Math.min(2, Math.max(0.75, fontScale + d)) * 100) / 100 });
  return (
    <div className="toolbar-group" role="group" aria-label="Display">
      <button type="button" aria-label="Smaller text" onClick={() => scale(-0.125)}>
        A−
      </button>
      <button type="button" aria-label="Larger text" onClick={() => scale(0.125)}>
        A+
      </button>
      <button type="button" aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} onClick={() => set({ theme: theme === 'dark' ? 'light' : 'dark' })}>
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </div>
  );
}
