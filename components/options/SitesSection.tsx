/**
 * Where Engine Lens marks mentions: the default sites (each on or off), the
 * user's own sites (each asking the browser for that site's permission at the
 * moment it is added), and the sites paused from the popup.
 */
import { useState, type FormEvent } from 'react';
import { MAX_CUSTOM_SITES, normalizeHttpsOrigin, type CustomSite, type Settings } from '@/lib/settings';
import { DEFAULT_SITES, originPattern, patternMatches } from '@/lib/sites';
import { AddressForm } from './AddressForm';
import type { OptionsApi } from './api';
import { messageOf, StatusLine, type SaveSettings } from './section';

type Message = { text: string; error?: boolean } | null;

/** Whether the browser's grants cover every page of `origin` (an exact grant, or a wider one). */
export function isGranted(granted: ReadonlySet<string>, origin: string): boolean {
  return [...granted].some((pattern) => pattern === originPattern(origin) || patternMatches(pattern, `${origin}/`));
}

const hostOf = (origin: string) => origin.replace(/^https:\/\//, '');

export function SitesSection({
  settings,
  granted,
  api,
  save,
  onPermissionsChanged,
}: {
  settings: Settings;
  granted: ReadonlySet<string>;
  api: OptionsApi;
  save: SaveSettings;
  onPermissionsChanged: () => Promise<void>;
}) {
  const [draft, setDraft] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const { customSites, pausedOrigins } = settings.sources;

  const report = (promise: Promise<unknown>, done: string) =>
    promise.then(
      () => setMessage({ text: done }),
      (error: unknown) => setMessage({ text: messageOf(error), error: true }),
    );

  const setDefault = (id: string, label: string, on: boolean) =>
    void report(save({ preferences: { sites: { [id]: on } } }), `${label}: ${on ? 'on' : 'off'}.`);

  const setCustom = (origin: string, change: (site: CustomSite) => CustomSite | null, done: string) =>
    report(
      save({ sources: { customSites: customSites.map(change).filter((site): site is CustomSite => site !== null) } }),
      done,
    );

  function add(event: FormEvent) {
    event.preventDefault();
    const origin = normalizeHttpsOrigin(draft);
    if (!origin) {
      setAddError('Enter an https site, such as docs.example.com or https://docs.example.com.');
      return;
    }
    const builtIn = DEFAULT_SITES.find((site) => site.matches.some((p) => patternMatches(p, `${origin}/`)));
    if (builtIn) {
      setAddError(`${hostOf(origin)} is one of the default sites (${builtIn.label}): switch it on above.`);
      return;
    }
    if (customSites.some((site) => site.origin === origin)) {
      setAddError(`${hostOf(origin)} is already in your sites.`);
      return;
    }
    if (customSites.length >= MAX_CUSTOM_SITES) {
      setAddError(`You can add up to ${MAX_CUSTOM_SITES} sites; remove one first.`);
      return;
    }
    setAddError(null);
    // Straight from the user's action, before any await: Firefox shows the prompt only then.
    const request = api.requestOrigins([originPattern(origin)]);
    void (async () => {
      try {
        if (!(await request)) {
          setAddError(`The browser did not give Engine Lens access to ${hostOf(origin)}, so it was not added.`);
          return;
        }
        await save({ sources: { customSites: [...customSites, { origin, enabled: true }] } });
        setDraft('');
        setMessage({ text: `${hostOf(origin)} added: its open tabs are marked now.` });
      } catch (error) {
        setAddError(messageOf(error));
      }
    })();
  }

  function grant(origin: string) {
    const request = api.requestOrigins([originPattern(origin)]); // from the click, before any await
    void request.then(async (ok) => {
      await onPermissionsChanged();
      setMessage(ok ? { text: `${hostOf(origin)} can be marked now.` } : { text: `No access to ${hostOf(origin)} was given.`, error: true });
    });
  }

  function remove(origin: string) {
    void (async () => {
      try {
        // The worker gives its permission back, unless a feed on the same host still needs it.
        await save({ sources: { customSites: customSites.filter((site) => site.origin !== origin) } });
        setMessage({ text: `${hostOf(origin)} removed.` });
      } catch (error) {
        setMessage({ text: messageOf(error), error: true });
      }
    })();
  }

  const resume = (origin: string) =>
    void report(save({ sources: { pausedOrigins: pausedOrigins.filter((o) => o !== origin) } }), `${hostOf(origin)} resumed.`);

  return (
    <section className="card" aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p className="hint">Engine Lens marks mentions on these sites. A change applies to open tabs at once.</p>
      <fieldset className="choices">
        <legend>Default sites</legend>
        {DEFAULT_SITES.map((site) => {
          const id = `site-${site.id}`;
          const on = settings.preferences.sites[site.id] !== false;
          return (
            <div className="choice" key={site.id}>
              <input
                type="checkbox"
                id={id}
                checked={on}
                aria-describedby={`${id}-hosts`}
                onChange={(event) => setDefault(site.id, site.label, event.target.checked)}
              />
              <label htmlFor={id}>{site.label}</label>
              <span className="hint" id={`${id}-hosts`}>
                {site.matches.map((pattern) => pattern.replace(/^https:\/\/|\/\*$/g, '')).join(', ')}
              </span>
            </div>
          );
        })}
      </fieldset>

      <h3>Your sites</h3>
      {customSites.length === 0 ? (
        <p className="hint">None yet. Add a site where you read about inference engines.</p>
      ) : (
        <ul className="rows" aria-label="Your sites">
          {customSites.map((site) => {
            const host = hostOf(site.origin);
            const id = `custom-${host}`;
            const allowed = isGranted(granted, site.origin);
            return (
              <li key={site.origin} className="row">
                <input
                  type="checkbox"
                  id={id}
                  checked={site.enabled}
                  onChange={(event) => {
                    const on = event.target.checked;
                    void setCustom(site.origin, (s) => (s.origin === site.origin ? { ...s, enabled: on } : s), `${host}: ${on ? 'on' : 'off'}.`);
                  }}
                />
                <label htmlFor={id}>{host}</label>
                {!allowed && (
                  <>
                    <span className="hint">No access granted</span>
                    <button type="button" onClick={() => grant(site.origin)}>
                      Grant access to {host}
                    </button>
                  </>
                )}
                <button type="button" aria-label={`Remove ${host}`} onClick={() => remove(site.origin)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <AddressForm
        id="add-site"
        label="Add a site"
        type="text"
        placeholder="docs.example.com"
        value={draft}
        error={addError}
        hint="https sites only. Your browser asks you to allow Engine Lens to read that site."
        submitLabel="Add"
        onChange={(value) => {
          setDraft(value);
          setAddError(null);
        }}
        onSubmit={add}
      />

      {pausedOrigins.length > 0 && (
        <>
          <h3>Paused sites</h3>
          <ul className="rows" aria-label="Paused sites">
            {pausedOrigins.map((origin) => (
              <li key={origin} className="row">
                <span>{hostOf(origin)}</span>
                <button type="button" aria-label={`Resume on ${hostOf(origin)}`} onClick={() => resume(origin)}>
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <StatusLine message={message} />
    </section>
  );
}
