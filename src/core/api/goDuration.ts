/**
 * Go's time.Duration formatting, shared by the kubelet's events (image pulls) and kubectl's
 * messages (`kubectl top`: "Metrics not available for pod x, age: 2m30.5s").
 */

/** formatGoDuration renders milliseconds as Go's Duration.String does (`850ms`, `2.316s`, `1m5.2s`). */
export function formatGoDuration(ms: number): string {
  ms = Math.trunc(ms);
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  ms = Math.abs(ms);
  if (ms < 1000) return `${sign}${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = ms % 60_000;
  const secs = `${Math.floor(rest / 1000)}${rest % 1000 ? '.' + String(rest % 1000).padStart(3, '0').replace(/0+$/, '') : ''}s`;
  if (h > 0) return `${sign}${h}h${m}m${secs}`;
  if (m > 0) return `${sign}${m}m${secs}`;
  return `${sign}${secs}`;
}
