/**
 * The options page: where Engine Lens works (sites), how cards open (hover),
 * the theme, the data settings, and the shortcut and menu entry. Every
 * change goes to the worker at once (it is the only writer) and reaches open
 * tabs without a reload; the page reloads its copy when the worker says
 * settings changed elsewhere (the popup's "Pause on this site").
 *
 * Props in, callbacks out: the browser is behind `api` (./api.ts).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { applySettingsPatch, type Settings } from '@/lib/settings';
import { ErrorBoundary } from '../ErrorBoundary';
import type { OptionsApi } from './api';
import { DataSection } from './DataSection';
import { HoverSection } from './HoverSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { ThemeSection } from './ThemeSection';
import { messageOf, type SaveSettings } from './section';
import './options.css';

type LoadState = { phase: 'loading' } | { phase: 'ready'; settings: Settings } | { phase: 'error'; message: string };

const SECTIONS = [
  ['sites-heading', 'Sites'],
  ['hover-heading', 'Hover cards'],
  ['theme-heading', 'Theme'],
  ['data-heading', 'Data'],
  ['shortcuts-heading', 'Shortcuts'],
] as const;

export function OptionsApp({
  api,
  feedStatus,
}: {
  api: OptionsApi;
  /** The feeds' state (last check, last error, "Check now"), shown under the feed settings; built with the feeds. */
  feedStatus?: ReactNode;
}) {
  const [state, setState] = useState<LoadState>({ phase: 'loading' });
  const [granted, setGranted] = useState<ReadonlySet<string>>(new Set());
  const [generation, setGeneration] = useState(0);

  useEffect(() => api.subscribe((changed) => changed.includes('settings') && setGeneration((n) => n + 1)), [api]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.loadSettings(), api.grantedOrigins()]).then(
      ([settings, origins]) => {
        if (cancelled) return;
        setState({ phase: 'ready', settings });
        setGranted(origins);
      },
      (error: unknown) => !cancelled && setState({ phase: 'error', message: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, generation]);

  const save = useCallback<SaveSettings>(
    async (patch) => {
      // Show the change at once (a ticked box stays ticked); the worker's answer then replaces it.
      setState((current) => (current.phase === 'ready' ? { phase: 'ready', settings: applySettingsPatch(current.settings, patch) } : current));
      try {
        // The worker also gives back host permissions a removed site or feed no longer needs.
        const settings = await api.updateSettings(patch);
        setState({ phase: 'ready', settings });
        setGranted(await api.grantedOrigins());
        return settings;
      } catch (error) {
        setGeneration((n) => n + 1); // not saved: show what is stored
        throw error;
      }
    },
    [api],
  );
  const refreshGranted = useCallback(async () => setGranted(await api.grantedOrigins()), [api]);

  if (state.phase === 'loading') {
    return (
      <p className="loading" role="status">
        Loading the options…
      </p>
    );
  }
  if (state.phase === 'error') {
    return (
      <div className="error" role="alert">
        <h1>Engine Lens could not load its options</h1>
        <p>{state.message}</p>
      </div>
    );
  }
  const { settings } = state;
  return (
    <div className="options">
      <header className="app-header">
        <h1>
          <span className="brand">Engine Lens</span>
          <span className="title">Options</span>
        </h1>
      </header>
      <nav className="jump" aria-label="Sections">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      <main className="content">
        <ErrorBoundary name="Sites">
          <SitesSection settings={settings} granted={granted} api={api} save={save} onPermissionsChanged={refreshGranted} />
        </ErrorBoundary>
        <ErrorBoundary name="Hover cards">
          <HoverSection settings={settings} save={save} />
        </ErrorBoundary>
        <ErrorBoundary name="Theme">
          <ThemeSection settings={settings} save={save} />
        </ErrorBoundary>
        <ErrorBoundary name="Data">
          <DataSection settings={settings} api={api} save={save} feedStatus={feedStatus} />
        </ErrorBoundary>
        <ErrorBoundary name="Shortcuts">
          <ShortcutsSection api={api} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
