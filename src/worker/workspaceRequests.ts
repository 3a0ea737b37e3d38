/**
 * WorkspaceRequests serve the editor's file requests on the workspace (`/root`, shared with
 * every terminal): read a file, apply one (write it, then `kubectl apply -f` it in the
 * editor's hidden tab, with the error's field paths mapped to YAML lines by diagnostics.ts),
 * and tell the UI when the list of files changed, whoever changed it.
 */
import type { WorkerMessage } from '../protocol/messages.ts';
import type { MemoryFS } from '../shell/memoryFS.ts';
import { diagnosticsFor } from './diagnostics.ts';
import { isWorkspacePath, readWorkspace, WORKSPACE_ROOT, writeWorkspaceFile } from './workspace.ts';

/** EDITOR_TAB runs the editor's applies, out of sight of the terminals. */
export const EDITOR_TAB = 'editor';

/** ApplyHooks are what an apply needs from the host: journaling and the editor's tab. */
export interface ApplyHooks {
  recordWrite(path: string, content: string): void;
  run(line: string, out: (data: string) => void): Promise<number>;
}

export class WorkspaceRequests {
  private lastFiles = '';

  constructor(
    private readonly fs: MemoryFS,
    private readonly post: (msg: WorkerMessage) => void,
  ) {}

  /** read answers `workspace.read`. */
  read(id: number, path: string): void {
    try {
      this.post({ type: 'workspace.content', id, path, content: this.fs.read(this.fs.resolve(path, WORKSPACE_ROOT)) });
    } catch (e) {
      this.post({ type: 'workspace.content', id, path, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** apply answers `editor.apply`: save the file, apply it, report the output and diagnostics. */
  async apply(id: number, path: string, content: string, hooks: ApplyHooks): Promise<void> {
    if (!isWorkspacePath(this.fs, path)) {
      return this.post({ type: 'apply.result', id, path, status: 1, output: `error: ${path} is outside the workspace\n`, diagnostics: [] });
    }
    hooks.recordWrite(path, content);
    writeWorkspaceFile(this.fs, path, content);
    let output = '';
    const rel = path.replace(/'/g, `'\\''`);
    const status = await hooks.run(`kubectl apply -f '${rel}'`, (d) => (output += d));
    const diagnostics = status === 0 ? [] : diagnosticsFor(output, content);
    this.post({ type: 'apply.result', id, path, status, output, diagnostics });
  }

  /** checkFiles posts the file list if it changed since the last check. */
  checkFiles(): void {
    const files = Object.keys(readWorkspace(this.fs));
    const key = JSON.stringify(files);
    if (key === this.lastFiles) return;
    this.lastFiles = key;
    this.post({ type: 'workspace.files', files });
  }

  /** markSeen takes the current list as known to the UI (it came with `ready`). */
  markSeen(): void {
    this.lastFiles = JSON.stringify(Object.keys(readWorkspace(this.fs)));
  }
}
