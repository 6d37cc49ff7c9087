/**
 * Fresh data: checks the feeds the user configured (one dataset feed, any
 * number of team feeds) on a schedule, at browser start when overdue, and on
 * demand; applies what they bring; records what changed; and tells the user
 * (badge, notification) when a change is one they track.
 *
 * Guarantees: no request is made unless the user configured a feed (and the
 * browser granted its origin); every response is validated before anything is
 * written; a new dataset replaces the old in one transaction; on any failure
 * the last good data stays, and the failure (time, URL, reason) is recorded
 * for the popup and the options page. One refresh runs at a time.
 */
import { diffDatasets, trackedKinds } from '@/lib/dataset-diff';
import { readDatasetFeed, readTeamFeed } from '@/lib/feed-body';
import { HOUR_MS, isDue, nextCheckAt } from '@/lib/feed-schedule';
import {
  ChangeRecordSchema,
  FeedStateSchema,
  newFeedState,
  type ChangeRecord,
  type FeedKind,
  type FeedState,
  type FeedsStatus,
  type PinChange,
  type TrackedChange,
} from '@/lib/feeds';
import type { Pin } from '@/lib/pins';
import type { Dataset } from '@/lib/schema';
import type { Settings } from '@/lib/settings';
import { originPattern } from '@/lib/sites';
import { broadcastChange } from './broadcast';
import { activeDataset, database } from './data';
import { storeFeedDataset } from './dataset-store';
import type { EngineLensDatabase } from './db';
import { fetchFeed, type FetchOptions } from './feed-client';
import { appendLog } from './log-store';
import { readPins, writePins } from './pin-store';
import { currentSettings } from './settings';

/** The scheduled check, and the one-shot retry after a failure. */
export const FEED_ALARM = 'engine-lens-feeds';
export const FEED_RETRY_ALARM = 'engine-lens-feeds-retry';

export type RefreshTrigger = 'schedule' | 'startup' | 'manual';

/** Test seam: the fetch the feed client uses (the worker's own by default). */
let fetchOptions: FetchOptions = {};
export function setFeedFetchOptions(options: FetchOptions): void {
  fetchOptions = options;
}

const configuredFeeds = (settings: Settings): Array<{ url: string; kind: FeedKind }> => [
  ...(settings.sources.datasetFeedUrl ? [{ url: settings.sources.datasetFeedUrl, kind: 'dataset' as const }] : []),
  ...settings.sources.teamFeedUrls.map((url) => ({ url, kind: 'team' as const })),
];

const intervalOf = (settings: Settings) => settings.preferences.refreshHours * HOUR_MS;

// ------------------------------------------------------------- stored state

async function readFeedState(db: EngineLensDatabase, url: string, kind: FeedKind): Promise<FeedState> {
  const row = await db.get('feeds', url);
  const parsed = FeedStateSchema.safeParse(row?.data);
  // An unreadable state only loses validators and back-off: start fresh.
  return parsed.success && parsed.data.kind === kind ? parsed.data : newFeedState(url, kind);
}

async function writeFeedState(db: EngineLensDatabase, state: FeedState): Promise<void> {
  await db.put('feeds', { url: state.url, data: FeedStateSchema.parse(state) });
}

export async function readChangeRecord(db: EngineLensDatabase): Promise<ChangeRecord | null> {
  const row = await db.get('meta', 'lastChange');
  const parsed = ChangeRecordSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

// --------------------------------------------------------------- one feed

type Checked<T> = { state: FeedState; value: T | null };

/** Fetches one feed and reads its body; records success or failure in its state. */
async function check<T>(
  state: FeedState,
  read: (text: string, contentType: string | null) => { ok: true; value: T } | { ok: false; reason: string },
  now: number,
): Promise<Checked<T>> {
  const fail = (reason: string): Checked<T> => ({
    state: { ...state, lastAttemptAt: now, failures: state.failures + 1, lastError: { at: now, reason } },
    value: null,
  });
  const succeed = (extra: Partial<FeedState> = {}): FeedState => ({
    ...state,
    ...extra,
    lastAttemptAt: now,
    lastSuccessAt: now,
    failures: 0,
    lastError: null,
  });

  const origin = new URL(state.url).origin;
  if (!(await browser.permissions.contains({ origins: [originPattern(origin)] }))) {
    return fail(`Engine Lens has no permission to read ${origin}; add the feed again in Options to grant it`);
  }
  const outcome = await fetchFeed(state.url, { etag: state.etag, lastModified: state.lastModified }, fetchOptions);
  if (outcome.kind === 'failed') return fail(outcome.reason);
  if (outcome.kind === 'not-modified') return { state: succeed(), value: null };
  // A response older than what we have (a stale mirror or cache) is ignored.
  if (outcome.lastModified && state.lastModified) {
    const incoming = Date.parse(outcome.lastModified);
    const stored = Date.parse(state.lastModified);
    if (Number.isFinite(incoming) && Number.isFinite(stored) && incoming < stored) return { state: succeed(), value: null };
  }
  const body = read(outcome.text, outcome.contentType);
  if (!body.ok) return fail(body.reason);
  return { state: succeed({ etag: outcome.etag, lastModified: outcome.lastModified }), value: body.value };
}

const isNewerVersion = (candidate: string, current: string) =>
  candidate.localeCompare(current, 'en', { numeric: true }) > 0;

// -------------------------------------------------------------- refreshes

let running: Promise<FeedsStatus> | null = null;

/** Checks the feeds that are due (all of them when `manual`); one refresh at a time. */
export function refreshFeeds(trigger: RefreshTrigger): Promise<FeedsStatus> {
  running ??= runRefresh(trigger).finally(() => {
    running = null;
  });
  return running;
}

async function runRefresh(trigger: RefreshTrigger): Promise<FeedsStatus> {
  const settings = await currentSettings();
  const db = await database();
  if (!db) return feedsStatus();
  const now = Date.now();
  const interval = intervalOf(settings);
  let datasetDiff: ChangeRecord['dataset'] = null;
  let newDataset: Dataset | null = null;
  const pinChanges: PinChange[] = [];
  let pinsDelivered = false;

  for (const feed of configuredFeeds(settings)) {
    const state = await readFeedState(db, feed.url, feed.kind);
    if (trigger !== 'manual' && !isDue(state, interval, now)) continue;
    if (feed.kind === 'dataset') {
      const result = await check(state, readDatasetFeed, now);
      if (result.value) {
        const active = (await activeDataset()).dataset;
        if (isNewerVersion(result.value.version, active.version)) {
          newDataset = result.value;
          const diff = diffDatasets(active, result.value);
          // A new version that changes nothing is stored, but is no "change".
          datasetDiff = diff.comparisons.length > 0 ? diff : null;
          // The record goes with the data (one transaction); `tracked` is filled in below.
          const record = datasetDiff ? { at: now, dataset: datasetDiff, pins: [], tracked: [], seen: false } : undefined;
          await storeFeedDataset(db, newDataset, record);
        }
      }
      await writeFeedState(db, result.state);
      if (result.state.lastError) await appendLog(db, 'refresh', `Feed ${feed.url} failed: ${result.state.lastError.reason}.`);
      else if (newDataset) await appendLog(db, 'refresh', `Feed ${feed.url} brought dataset ${newDataset.version}.`);
    } else {
      const result = await check(state, readTeamFeed, now);
      if (result.value) {
        pinsDelivered = true;
        pinChanges.push(...(await applyTeamPins(db, feed.url, result.value)));
        result.state.pinIds = result.value.map((pin) => pin.id);
      }
      await writeFeedState(db, result.state);
      if (result.state.lastError) await appendLog(db, 'refresh', `Team feed ${feed.url} failed: ${result.state.lastError.reason}.`);
    }
  }

  if (datasetDiff || pinChanges.length > 0) {
    const tracked: TrackedChange[] = [
      ...[...(datasetDiff ? trackedKinds(datasetDiff) : [])].filter((kind) => settings.preferences.track[kind]),
      ...(pinChanges.length > 0 ? (['teamPin'] as const) : []),
    ];
    const record: ChangeRecord = { at: now, dataset: datasetDiff, pins: pinChanges, tracked, seen: tracked.length === 0 };
    await db.put('meta', { key: 'lastChange', value: ChangeRecordSchema.parse(record) });
    if (tracked.length > 0) await announce(settings, record);
  }
  const changed = [...(newDataset ? (['dataset'] as const) : []), ...(pinsDelivered ? (['pins'] as const) : [])];
  if (changed.length > 0) await broadcastChange(changed);
  await scheduleRetry(settings, db);
  return feedsStatus();
}

/** Stores a team feed's pins (replacing pins with the same id) and says whose pick or note changed. */
async function applyTeamPins(db: EngineLensDatabase, feedUrl: string, pins: Pin[]): Promise<PinChange[]> {
  const stored = new Map((await readPins(db)).pins.map((pin) => [pin.id, pin]));
  const changes: PinChange[] = [];
  for (const pin of pins) {
    const before = stored.get(pin.id);
    const pickChanged = before !== undefined && before.pick !== pin.pick;
    const noteChanged = before !== undefined && before.note !== pin.note;
    if (!before || pickChanged || noteChanged) {
      changes.push({
        pinId: pin.id,
        title: pin.title,
        feedUrl,
        pick: pickChanged ? { from: before.pick, to: pin.pick } : null,
        noteChanged,
        added: !before,
      });
    }
  }
  await writePins(db, pins);
  return changes;
}

// ---------------------------------------------------------- telling the user

const BADGE_TEXT = 'new';

/** The badge (until "What changed" is seen) and one notification, as the settings allow. */
async function announce(settings: Settings, record: ChangeRecord): Promise<void> {
  await showBadge(settings.preferences.badge && !record.seen);
  if (!settings.preferences.notifications) return;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const parts: string[] = [];
  if (record.tracked.includes('verdictUpdate')) parts.push('the verdict changed');
  if (record.tracked.includes('figureChange')) parts.push('figures changed');
  if (record.tracked.includes('newSpec')) parts.push('rows were added or removed');
  if (record.tracked.includes('teamPin')) parts.push("a team's pick or note changed");
  await browser.notifications.create(`engine-lens-change-${record.at}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Engine Lens: vLLM vs TensorRT-LLM changed',
    message: `${parts.join(', ')}. Click to see what changed.`.replace(/^./, (c) => c.toUpperCase()),
  });
}

async function showBadge(on: boolean): Promise<void> {
  await browser.action.setBadgeText({ text: on ? BADGE_TEXT : '' });
  if (on) await browser.action.setBadgeBackgroundColor({ color: '#0969da' });
  await browser.action.setTitle({ title: on ? 'Engine Lens — something changed since you last looked' : 'Engine Lens' });
}

/** The user opened "What changed": the badge goes. */
export async function markChangesSeen(): Promise<void> {
  const db = await database();
  const record = db ? await readChangeRecord(db) : null;
  if (db && record && !record.seen) await db.put('meta', { key: 'lastChange', value: { ...record, seen: true } });
  await showBadge(false);
}

/** Puts the badge back after a browser restart (badges do not persist), per the stored record and settings. */
export async function restoreBadge(): Promise<void> {
  const db = await database();
  const record = db ? await readChangeRecord(db) : null;
  const { preferences } = await currentSettings();
  await showBadge(preferences.badge && record !== null && !record.seen && record.tracked.length > 0);
}

// ------------------------------------------------------------------ alarms

/**
 * Makes sure the scheduled check exists when a feed is configured (created
 * only when missing or when the interval changed: re-creating it would push
 * the next check back), and removes it when none is.
 */
export async function ensureFeedAlarm(): Promise<void> {
  const settings = await currentSettings();
  if (configuredFeeds(settings).length === 0) {
    await Promise.all([browser.alarms.clear(FEED_ALARM), browser.alarms.clear(FEED_RETRY_ALARM)]);
    return;
  }
  const periodInMinutes = settings.preferences.refreshHours * 60;
  const existing = await browser.alarms.get(FEED_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(FEED_ALARM, { delayInMinutes: periodInMinutes, periodInMinutes });
}

/** After a failure, a one-shot alarm at the back-off time (sooner than the schedule). */
async function scheduleRetry(settings: Settings, db: EngineLensDatabase): Promise<void> {
  const interval = intervalOf(settings);
  let soonest: number | null = null;
  for (const feed of configuredFeeds(settings)) {
    const state = await readFeedState(db, feed.url, feed.kind);
    if (state.failures === 0) continue;
    const at = nextCheckAt(state, interval);
    soonest = soonest === null ? at : Math.min(soonest, at);
  }
  if (soonest === null) await browser.alarms.clear(FEED_RETRY_ALARM);
  else await browser.alarms.create(FEED_RETRY_ALARM, { when: Math.max(soonest, Date.now() + 60_000) });
}

/** Browser start: the alarm again (an update or restart may have cleared it), and a check if one is overdue. */
export async function onBrowserStart(): Promise<void> {
  await ensureFeedAlarm();
  await restoreBadge();
  const settings = await currentSettings();
  const db = await database();
  if (!db) return;
  for (const feed of configuredFeeds(settings)) {
    if (isDue(await readFeedState(db, feed.url, feed.kind), intervalOf(settings), Date.now())) {
      await refreshFeeds('startup');
      return;
    }
  }
}

// ------------------------------------------------------------------ status

/** What pages show: freshness, each feed's last check and error, the last change, storage used. */
export async function feedsStatus(): Promise<FeedsStatus> {
  const [settings, active, db] = await Promise.all([currentSettings(), activeDataset(), database()]);
  const interval = intervalOf(settings);
  const feeds = [];
  let lastSuccessAt: number | null = null;
  for (const feed of configuredFeeds(settings)) {
    const state = db ? await readFeedState(db, feed.url, feed.kind) : newFeedState(feed.url, feed.kind);
    if (feed.kind === 'dataset') lastSuccessAt = state.lastSuccessAt;
    feeds.push({
      url: feed.url,
      kind: feed.kind,
      lastAttemptAt: state.lastAttemptAt,
      lastSuccessAt: state.lastSuccessAt,
      lastError: state.lastError,
      nextCheckAt: nextCheckAt(state, interval),
    });
  }
  const comparison = active.dataset.comparisons[0];
  return {
    datasetVersion: active.dataset.version,
    dataDate: comparison?.provenance.publishedDate ?? '1970-01-01',
    lastSuccessAt,
    feeds,
    lastChange: db ? await readChangeRecord(db) : null,
    storageBytes: await storageBytes(),
  };
}

async function storageBytes(): Promise<number | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    return estimate?.usage ?? null;
  } catch {
    return null;
  }
}
