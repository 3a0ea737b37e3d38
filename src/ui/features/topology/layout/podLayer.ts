/**
 * PodLayer draws a node box's inline pods as plain DOM, outside React: past EDGE_PODS_MAX
 * pods a churning cluster changes most pods between two redraws, and reconciling hundreds of
 * components, then restyling and relaying them out in one go, made main-thread tasks of
 * hundreds of milliseconds. PodLayer applies only what changed (podPatchPlan.ts) and spreads
 * the work over animation frames with a time budget, so no frame holds the thread long.
 *
 * Each pod keeps the topology's test hooks: `data-kind="Pod"`, `data-name`, `data-namespace`
 * and `data-phase` (the kubectl STATUS). One click/keydown listener on the layer selects pods
 * and pod groups.
 */
import { POD_H, POD_W } from './geometry.ts';
import { inlinePodSig, planPodPatches } from './podPatchPlan.ts';
import type { InlinePod } from '../toFlow.ts';

/** FRAME_BUDGET_MS is how long one frame may spend patching pods before yielding. */
export const FRAME_BUDGET_MS = 6;
/**
 * FRAME_PODS_MAX caps the pods patched in one frame: the style, layout and paint that follow
 * the patch are not in the budget above, and they grow with the pods touched. At 60 frames a
 * second this still shows ~1,900 pod changes a second.
 */
export const FRAME_PODS_MAX = 32;

/** PodLayer owns the pod elements inside one container element. */
export class PodLayer {
  private readonly shown = new Map<string, string>();
  private readonly elements = new Map<string, HTMLElement>();
  private pending: { upsert: InlinePod[]; remove: string[]; selectedId: string | undefined } | undefined;
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly onSelect: (id: string) => void,
  ) {
    root.addEventListener('click', this.onEvent);
    root.addEventListener('keydown', this.onEvent);
  }

  /** update shows these pods from now on; the DOM catches up within a few frames. */
  update(pods: readonly InlinePod[], selectedId: string | undefined): void {
    const plan = planPodPatches(this.shown, pods, selectedId);
    this.pending = { ...plan, selectedId };
    if (!this.frame) this.frame = requestAnimationFrame(this.flush);
  }

  /** destroy stops pending work and listeners (the container goes with React). */
  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.root.removeEventListener('click', this.onEvent);
    this.root.removeEventListener('keydown', this.onEvent);
  }

  private readonly flush = (): void => {
    this.frame = 0;
    const work = this.pending;
    if (!work) return;
    const deadline = performance.now() + FRAME_BUDGET_MS;
    for (const id of work.remove) {
      this.elements.get(id)?.remove();
      this.elements.delete(id);
      this.shown.delete(id);
    }
    work.remove = [];
    let i = 0;
    for (; i < work.upsert.length; i++) {
      // Check the clock every 8 pods: performance.now() is cheap, but not free.
      if (i >= FRAME_PODS_MAX || (i % 8 === 7 && performance.now() > deadline)) break;
      const p = work.upsert[i];
      this.patch(p, p.id === work.selectedId);
      this.shown.set(p.id, inlinePodSig(p, p.id === work.selectedId));
    }
    work.upsert = work.upsert.slice(i);
    if (work.upsert.length > 0) this.frame = requestAnimationFrame(this.flush);
    else this.pending = undefined;
  };

  private patch(p: InlinePod, selected: boolean): void {
    let el = this.elements.get(p.id);
    if (!el) {
      el = document.createElement('div');
      el.dataset.podId = p.id;
      el.style.width = `${POD_W}px`;
      el.style.height = `${POD_H}px`;
      const name = document.createElement('span');
      name.className = 'pod-name';
      const badge = document.createElement('span');
      badge.className = 'badge';
      el.append(name, badge);
      // Pods and pod groups both open in the inspector (a group lists its pods there).
      el.setAttribute('role', 'button');
      el.tabIndex = 0;
      this.root.append(el);
      this.elements.set(p.id, el);
    }
    // Write only what changed: every write can invalidate style or layout.
    const left = `${p.x}px`;
    const top = `${p.y}px`;
    if (el.style.left !== left) el.style.left = left;
    if (el.style.top !== top) el.style.top = top;
    const isPod = p.kind === 'Pod';
    const className = isPod ? `pod inline-pod tone-${p.tone}${p.ghost ? ' ghost' : ''}${selected ? ' selected' : ''}` : `pod podgroup inline-pod tone-${p.tone}${selected ? ' selected' : ''}`;
    setIfChanged(el, 'class', className);
    setIfChanged(el, 'data-kind', p.kind);
    setIfChanged(el, 'data-name', p.name);
    setIfChanged(el, 'data-namespace', p.namespace);
    if (isPod) {
      setIfChanged(el, 'data-phase', p.status ?? '');
      setIfChanged(el, 'title', `Pod ${p.namespace}/${p.name}: ${p.status}${p.ready ? ', ready' : ''}`);
      setIfChanged(el, 'aria-label', `Pod ${p.name}: ${p.status}`);
    } else {
      setIfChanged(el, 'title', `${p.summary}: ${p.status}`);
      setIfChanged(el, 'aria-label', `${p.summary}: ${p.status}`);
    }
    setText(el.firstChild as HTMLElement, isPod ? p.name : (p.summary ?? ''));
    setText(el.lastChild as HTMLElement, isPod && p.ready && p.status === 'Running' ? `✓ ${p.status}` : (p.status ?? ''));
  }

  private readonly onEvent = (e: Event): void => {
    if (e instanceof KeyboardEvent && e.key !== 'Enter') return;
    const el = (e.target as Element | null)?.closest<HTMLElement>('[data-pod-id]');
    if (!el || (el.dataset.kind !== 'Pod' && el.dataset.kind !== 'PodGroup') || !el.dataset.podId) return;
    // The node box around the pod must not take the click as its own selection.
    e.stopPropagation();
    this.onSelect(el.dataset.podId);
  };
}

function setIfChanged(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
