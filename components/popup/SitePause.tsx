/**
 * The popup's one-click "Pause on this site" (and "Resume on this site" once
 * paused), for the tab the popup is about. Nothing is shown on pages Engine
 * Lens does not run on (its options page manages those sites).
 *
 * Props in, callbacks out: no browser APIs here.
 */
import type { SiteState } from '@/lib/sites';

export function SitePause({
  state,
  busy,
  onPause,
  onResume,
}: {
  /** The tab's state; null while it is being read. */
  state: SiteState | null;
  busy: boolean;
  onPause: (origin: string) => void;
  onResume: (origin: string) => void;
}) {
  if (!state?.origin || (!state.running && !state.paused)) return null;
  const { origin } = state;
  const host = origin.replace(/^https:\/\//, '');
  return state.running ? (
    <button type="button" className="header-button" disabled={busy} title={`Stop marking ${host} (resume from here or in the options)`} onClick={() => onPause(origin)}>
      Pause on this site
    </button>
  ) : (
    <button type="button" className="header-button" disabled={busy} title={`Mark ${host} again`} onClick={() => onResume(origin)}>
      Resume on this site
    </button>
  );
}
