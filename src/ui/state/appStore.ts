/**
 * useAppStore holds the app-wide UI state: worker readiness, the simulated clock, notices,
 * the workspace file list, the selected object, and display preferences (theme, font scale).
 */
import { create } from 'zustand';
import type { ClockState, Notice } from '../../protocol/messages.ts';
import type { ObjectKey } from '../../protocol/objects.ts';

/** Theme is the colour scheme. */
export type Theme = 'dark' | 'light';

/** AppState is everything outside the cluster picture. */
export interface AppState {
  ready: boolean;
  restored: boolean;
  clock: ClockState;
  notices: Array<Notice & { id: number }>;
  files: string[];
  history: string[];
  selected: ObjectKey | undefined;
  theme: Theme;
  fontScale: number;
  set(patch: Partial<AppState>): void;
  notify(n: Notice): void;
  dismiss(id: number): void;
}

const PREFS_KEY = 'kubeplay.prefs';

function loadPrefs(): { theme: Theme; fontScale: number } {
  try {
    const p = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as { theme?: Theme; fontScale?: number };
    const dark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)').matches : true;
    return { theme: p.theme ?? (dark ? 'dark' : 'light'), fontScale: p.fontScale ?? 1 };
  } catch {
    return { theme: 'dark', fontScale: 1 };
  }
}

let noticeId = 0;

export const useAppStore = create<AppState>((set, get) => ({
  ready: false,
  restored: false,
  clock: { now: 0, speed: 1, paused: false },
  notices: [],
  files: [],
  history: [],
  selected: undefined,
  ...loadPrefs(),
  set: (patch) => {
    set(patch);
    if ('theme' in patch || 'fontScale' in patch) {
      const { theme, fontScale } = get();
      try {
        localStorage.setItem(PREFS_KEY, JSON.stringify({ theme, fontScale }));
      } catch {
        // Private windows may refuse storage; preferences then last for the visit.
      }
    }
  },
  notify: (n) => {
    const id = ++noticeId;
    set((s) => ({ notices: [...s.notices.slice(-4), { ...n, id }] }));
    // Confirmations fade on their own; warnings and errors stay until dismissed.
    if (n.level === 'info') setTimeout(() => get().dismiss(id), 6000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
