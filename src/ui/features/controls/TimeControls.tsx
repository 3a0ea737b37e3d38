/**
 * TimeControls: play/pause, speed (0.25× to 20×), step to the next event, and the simulated
 * clock. Virtual time runs in the worker; this only asks for changes and shows its state.
 */
import { SPEEDS } from '../../../protocol/requests.ts';
import { useBridge } from '../../bridge/context.ts';
import { useAppStore } from '../../state/appStore.ts';

// One formatter for every call: toLocaleTimeString builds a new Intl.DateTimeFormat each
// time, which the activity list (a clock per row) paid for hundreds of times per redraw.
const TIME_OF_DAY = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** formatClock shows virtual epoch ms as the person's local time of day. */
export function formatClock(now: number): string {
  if (!now) return '--:--:--';
  return TIME_OF_DAY.format(now);
}

export function TimeControls() {
  const bridge = useBridge();
  const clock = useAppStore((s) => s.clock);
  return (
    <div className="toolbar-group" role="group" aria-label="Time controls">
      <button
        type="button"
        data-testid="clock-toggle"
        aria-pressed={!clock.paused}
        title={clock.paused ? 'Play: let time run' : 'Pause: stop time'}
        onClick={() => bridge.send({ type: clock.paused ? 'clock.play' : 'clock.pause' })}
      >
        {clock.paused ? '▶ Play' : '❚❚ Pause'}
      </button>
      <button type="button" title="Step to the next scheduled event" onClick={() => bridge.send({ type: 'clock.step' })}>
        ⇥ Step
      </button>
      <label className="speed">
        <span className="sr-only">Speed</span>
        <select data-testid="clock-speed" value={clock.speed} onChange={(e) => bridge.send({ type: 'clock.speed', speed: Number(e.target.value) })}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <time className="clock" aria-label="Simulated time" dateTime={clock.now ? new Date(clock.now).toISOString() : undefined}>
        {formatClock(clock.now)}
      </time>
    </div>
  );
}
