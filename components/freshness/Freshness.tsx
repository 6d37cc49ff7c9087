/**
 * "Fresh data" in the popup and on the full page: how old the data is, when
 * the feeds were last checked and whether that failed, "Check now", and
 * "What changed" for the last update. Props in, callbacks out; the glue in
 * the entrypoints fetches the status and sends the requests.
 */
import { useId } from 'react';
import { daysAgoLabel, daysBetween, STALE_AFTER_MS } from '@/lib/feed-schedule';
import type { FeedsStatus } from '@/lib/feeds';
import type { Engine } from '@/lib/schema';
import { WhatChanged } from './WhatChanged';
import './freshness.css';

export interface FreshnessProps {
  status: FeedsStatus | null;
  /** Why the status could not be read, if it could not. */
  statusError: string | null;
  engines: readonly Engine[];
  now: number;
  checking: boolean;
  changesOpen: boolean;
  onCheckNow(): void;
  onToggleChanges(open: boolean): void;
}

const formatTime = (at: number) =>
  new Date(at).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

export function Freshness({ status, statusError, engines, now, checking, changesOpen, onCheckNow, onToggleChanges }: FreshnessProps) {
  const changesId = useId();
  if (!status) {
    return (
      <section className="card freshness" aria-labelledby="freshness-heading">
        <h2 id="freshness-heading">Fresh data</h2>
        <p className="hint">{statusError ? `The data's freshness could not be read (${statusError}).` : 'Reading…'}</p>
      </section>
    );
  }
  const dataTime = Date.parse(`${status.dataDate}T00:00:00Z`);
  const updatedAt = Math.max(dataTime, status.lastSuccessAt ?? 0);
  const stale = now - updatedAt > STALE_AFTER_MS;
  const feedsSet = status.feeds.length > 0;
  const failures = status.feeds.filter((feed) => feed.lastError !== null);
  const unseen = status.lastChange !== null && !status.lastChange.seen;

  return (
    <section className="card freshness" aria-labelledby="freshness-heading">
      <h2 id="freshness-heading">
        Fresh data
        {stale && <span className="tag warn">Stale</span>}
        {unseen && <span className="tag">New changes</span>}
      </h2>
      <p className="freshness-line">
        Updated {daysAgoLabel(daysBetween(updatedAt, now))} (data of {status.dataDate}
        {status.lastSuccessAt !== null ? `, last checked ${formatTime(status.lastSuccessAt)}` : ''}).
      </p>
      {stale && (
        <p className="hint">
          {feedsSet
            ? 'No successful check for over 90 days: the figures may be out of date.'
            : 'Over 90 days old and no dataset feed is set: set one in Options to keep the data current.'}
        </p>
      )}
      {failures.map((feed) => (
        <p key={feed.url} className="freshness-error" role="status">
          Last check of {feed.url} failed ({formatTime(feed.lastError!.at)}): {feed.lastError!.reason}. The data shown is the
          last good one.
        </p>
      ))}
      <div className="freshness-actions">
        <button type="button" onClick={onCheckNow} disabled={checking} aria-describedby={feedsSet ? undefined : `${changesId}-nofeed`}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
        <button type="button" aria-expanded={changesOpen} aria-controls={changesId} onClick={() => onToggleChanges(!changesOpen)}>
          What changed
        </button>
      </div>
      {!feedsSet && (
        <p className="hint" id={`${changesId}-nofeed`}>
          No feed is set, so Engine Lens never checks for updates (nothing leaves your browser).
        </p>
      )}
      <div id={changesId} hidden={!changesOpen}>
        {changesOpen && <WhatChanged record={status.lastChange} engines={engines} />}
      </div>
    </section>
  );
}
