/**
 * The popup's glue for "Pause on this site": reads the tab's URL (visible to
 * Engine Lens only on sites it has permission for) and the settings, and
 * pauses or resumes that origin through the worker, which stops or restarts
 * marking in its open tabs at once.
 */
import { useCallback, useEffect, useState } from 'react';
import { SitePause } from '@/components/popup/SitePause';
import { onDataChanged } from '@/lib/browser/data-changed';
import { send } from '@/lib/browser/send';
import { siteStateOf, type SiteState } from '@/lib/sites';
import type { Settings } from '@/lib/settings';
import { targetTabId } from './on-this-page';

async function readState(): Promise<{ state: SiteState; settings: Settings }> {
  const tabId = await targetTabId();
  const [tab, settings, granted] = await Promise.all([
    tabId === null ? null : browser.tabs.get(tabId),
    send({ type: 'settings/get' }),
    browser.permissions.getAll(),
  ]);
  const sites = {
    enabledDefaults: settings.preferences.sites,
    customSites: settings.sources.customSites,
    pausedOrigins: settings.sources.pausedOrigins,
  };
  return { state: siteStateOf(sites, new Set(granted.origins ?? []), tab?.url), settings };
}

export function SitePauseControl() {
  const [state, setState] = useState<SiteState | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => onDataChanged((changed) => changed.includes('settings') && setGeneration((n) => n + 1)), []);
  useEffect(() => {
    let cancelled = false;
    readState().then(
      ({ state }) => !cancelled && setState(state),
      () => !cancelled && setState(null),
    );
    return () => {
      cancelled = true;
    };
  }, [generation]);

  const change = useCallback(async (origin: string, paused: boolean) => {
    setBusy(true);
    try {
      const { settings } = await readState();
      const others = settings.sources.pausedOrigins.filter((o) => o !== origin);
      await send({ type: 'settings/update', patch: { sources: { pausedOrigins: paused ? [...others, origin] : others } } });
      setState((await readState()).state);
    } finally {
      setBusy(false);
    }
  }, []);

  return (
    <SitePause
      state={state}
      busy={busy}
      onPause={(origin) => void change(origin, true)}
      onResume={(origin) => void change(origin, false)}
    />
  );
}
