/**
 * The data settings: where updates come from (the dataset feed and team
 * feeds, each asking the browser for access to its host when it is saved),
 * how often they are checked, what counts as a change and how the user is
 * told, how much is stored, and "Reset data".
 *
 * The feeds' own state (last check, last error, "Check now", "What changed")
 * belongs to the feeds and is passed in as `feedStatus`, shown right under
 * the feed settings.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { feedPermissionPattern, formatBytes, refreshChoices } from '@/lib/options';
import { MAX_TEAM_FEEDS, type Settings } from '@/lib/settings';
import { AddressForm } from './AddressForm';
import type { OptionsApi, StorageUsage } from './api';
import { messageOf, StatusLine, type SaveSettings } from './section';

type Message = { text: string; error?: boolean } | null;

const TRACK: ReadonlyArray<readonly [keyof Settings['preferences']['track'], string]> = [
  ['figureChange', 'A figure changed'],
  ['newSpec', 'A row was added or removed'],
  ['verdictUpdate', 'The verdict changed'],
];

export function DataSection({
  settings,
  api,
  save,
  feedStatus,
}: {
  settings: Settings;
  api: OptionsApi;
  save: SaveSettings;
  /** The feeds' status (last check, last error, "Check now"), rendered under the feed settings. */
  feedStatus?: ReactNode;
}) {
  const { preferences, sources } = settings;
  const [message, setMessage] = useState<Message>(null);
  const report = (promise: Promise<unknown>, done: string) =>
    promise.then(
      () => setMessage({ text: done }),
      (error: unknown) => setMessage({ text: messageOf(error), error: true }),
    );

  return (
    <section className="card" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <p className="hint">
        The comparison ships with Engine Lens and works offline. A feed keeps it up to date; nothing is requested
        from anywhere until you add one.
      </p>
      {/* Keyed by the stored URL: a change saved here or elsewhere starts the text box afresh. */}
      <DatasetFeed key={sources.datasetFeedUrl ?? ''} url={sources.datasetFeedUrl} api={api} save={save} setMessage={setMessage} />
      <TeamFeeds urls={sources.teamFeedUrls} api={api} save={save} setMessage={setMessage} />
      <div className="field">
        <label htmlFor="refresh-hours">Refresh interval</label>
        <select
          id="refresh-hours"
          value={preferences.refreshHours}
          onChange={(event) => {
            const hours = Number(event.target.value);
            void report(save({ preferences: { refreshHours: hours } }), 'Refresh interval saved.');
          }}
        >
          {refreshChoices(preferences.refreshHours).map(([hours, label]) => (
            <option key={hours} value={hours}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {feedStatus && <div className="feed-status">{feedStatus}</div>}

      <fieldset className="choices">
        <legend>Tell me when</legend>
        {TRACK.map(([key, label]) => (
          <div className="choice" key={key}>
            <input
              type="checkbox"
              id={`track-${key}`}
              checked={preferences.track[key]}
              onChange={(event) => void report(save({ preferences: { track: { [key]: event.target.checked } } }), `${label}: ${event.target.checked ? 'tracked' : 'not tracked'}.`)}
            />
            <label htmlFor={`track-${key}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>How</legend>
        <div className="choice">
          <input
            type="checkbox"
            id="badge"
            checked={preferences.badge}
            onChange={(event) => void report(save({ preferences: { badge: event.target.checked } }), event.target.checked ? 'Badge on.' : 'Badge off.')}
          />
          <label htmlFor="badge">Badge on the toolbar icon</label>
        </div>
        <Notifications on={preferences.notifications} api={api} save={save} setMessage={setMessage} />
      </fieldset>
      <StatusLine message={message} />

      <StorageAndReset api={api} />
    </section>
  );
}

interface FeedProps {
  api: OptionsApi;
  save: SaveSettings;
  setMessage: (message: Message) => void;
}

function DatasetFeed({ url, api, save, setMessage }: FeedProps & { url: string | null }) {
  const [draft, setDraft] = useState(url ?? '');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    if (next === '') {
      void save({ sources: { datasetFeedUrl: null } }).then(
        () => setMessage({ text: 'No dataset feed: the bundled data is used.' }),
        (e: unknown) => setError(messageOf(e)),
      );
      return;
    }
    const pattern = feedPermissionPattern(next);
    if (!pattern) {
      setError('Enter an https URL, such as https://example.com/engine-lens/dataset.json.');
      return;
    }
    setError(null);
    const request = api.requestOrigins([pattern]); // from the user's action, before any await (Firefox)
    void (async () => {
      try {
        if (!(await request)) {
          setError(`The browser did not give Engine Lens access to ${new URL(next).host}, so the feed was not saved.`);
          return;
        }
        await save({ sources: { datasetFeedUrl: next } });
        setMessage({ text: 'Dataset feed saved.' });
      } catch (e) {
        setError(messageOf(e));
      }
    })();
  }

  return (
    <AddressForm
      id="dataset-feed"
      label="Dataset feed URL"
      type="url"
      placeholder="https://example.com/engine-lens/dataset.json"
      value={draft}
      error={error}
      hint="https only. Leave it empty to use only the data that ships with Engine Lens."
      submitLabel="Save feed URL"
      onChange={(value) => {
        setDraft(value);
        setError(null);
      }}
      onSubmit={submit}
    />
  );
}

function TeamFeeds({ urls, api, save, setMessage }: FeedProps & { urls: readonly string[] }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const next = draft.trim();
    const pattern = feedPermissionPattern(next);
    if (!pattern) {
      setError('Enter an https URL, such as https://example.com/team/pins.json.');
      return;
    }
    if (urls.includes(next)) {
      setError('That feed is already in the list.');
      return;
    }
    if (urls.length >= MAX_TEAM_FEEDS) {
      setError(`You can follow up to ${MAX_TEAM_FEEDS} team feeds; remove one first.`);
      return;
    }
    setError(null);
    const request = api.requestOrigins([pattern]); // from the user's action, before any await (Firefox)
    void (async () => {
      try {
        if (!(await request)) {
          setError(`The browser did not give Engine Lens access to ${new URL(next).host}, so the feed was not added.`);
          return;
        }
        await save({ sources: { teamFeedUrls: [...urls, next] } });
        setDraft('');
        setMessage({ text: 'Team feed added.' });
      } catch (e) {
        setError(messageOf(e));
      }
    })();
  }

  const remove = (url: string) =>
    void save({ sources: { teamFeedUrls: urls.filter((u) => u !== url) } }).then(
      () => setMessage({ text: 'Team feed removed.' }),
      (e: unknown) => setMessage({ text: messageOf(e), error: true }),
    );

  return (
    <div className="field">
      <h3>Team feeds</h3>
      {urls.length > 0 && (
        <ul className="rows" aria-label="Team feed URLs">
          {urls.map((url) => (
            <li key={url} className="row">
              <span className="url">{url}</span>
              <button type="button" aria-label={`Remove the team feed ${url}`} onClick={() => remove(url)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddressForm
        id="team-feed"
        label="Add a team feed URL"
        type="url"
        placeholder="https://example.com/team/pins.json"
        value={draft}
        error={error}
        hint="A feed your team publishes its pinned comparisons at (https only)."
        submitLabel="Add feed"
        onChange={(value) => {
          setDraft(value);
          setError(null);
        }}
        onSubmit={add}
      />
    </div>
  );
}

function Notifications({ on, api, save, setMessage }: FeedProps & { on: boolean }) {
  function change(wanted: boolean) {
    if (!wanted) {
      void save({ preferences: { notifications: false } }).then(
        () => setMessage({ text: 'Notifications off.' }),
        (e: unknown) => setMessage({ text: messageOf(e), error: true }),
      );
      return;
    }
    const request = api.requestNotifications(); // from the click, before any await (Firefox)
    void (async () => {
      try {
        if (!(await request)) {
          setMessage({ text: 'The browser did not allow notifications, so they stay off.', error: true });
          return;
        }
        await save({ preferences: { notifications: true } });
        setMessage({ text: 'Notifications on.' });
      } catch (e) {
        setMessage({ text: messageOf(e), error: true });
      }
    })();
  }
  return (
    <div className="choice">
      <input type="checkbox" id="notifications" checked={on} aria-describedby="notifications-help" onChange={(event) => change(event.target.checked)} />
      <label htmlFor="notifications">Browser notifications</label>
      <span className="hint" id="notifications-help">
        One notification per refresh that finds a change; your browser asks you first.
      </span>
    </div>
  );
}

function StorageAndReset({ api }: { api: OptionsApi }) {
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [deletePins, setDeletePins] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const measure = useCallback(() => api.storageUsage().then(setUsage, () => setUsage(null)), [api]);
  useEffect(() => void measure(), [measure]);

  async function reset() {
    setBusy(true);
    try {
      const result = await api.resetData(deletePins);
      setMessage({
        text: `Data reset: the bundled dataset ${result.datasetVersion} is used${result.pinsDeleted ? ', and team pins were deleted' : '; team pins were kept'}.`,
      });
      setDeletePins(false);
      await measure();
    } catch (error) {
      setMessage({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  }

  const figure = (bytes: number | null) => (bytes === null ? 'not reported by this browser' : formatBytes(bytes));
  return (
    <>
      <h3>Storage used</h3>
      {usage ? (
        <dl className="usage">
          <dt>Comparison data, pins and log</dt>
          <dd>{figure(usage.databaseBytes)}</dd>
          <dt>Preferences (synced)</dt>
          <dd>
            {figure(usage.syncBytes)}
            {usage.syncBytes !== null && usage.syncQuotaBytes !== null && ` of ${formatBytes(usage.syncQuotaBytes)}`}
          </dd>
          <dt>Sites and feed URLs (this browser)</dt>
          <dd>{figure(usage.localBytes)}</dd>
        </dl>
      ) : (
        <p className="hint">Measuring…</p>
      )}
      <h3>Reset</h3>
      <p className="hint">
        Goes back to the data that ships with Engine Lens and clears the feed state and the log. Your settings stay.
      </p>
      <div className="choice">
        <input type="checkbox" id="reset-pins" checked={deletePins} onChange={(event) => setDeletePins(event.target.checked)} />
        <label htmlFor="reset-pins">Also delete team pins</label>
      </div>
      <button type="button" className="danger" onClick={() => void reset()} disabled={busy}>
        Reset data
      </button>
      <StatusLine message={message} />
    </>
  );
}
