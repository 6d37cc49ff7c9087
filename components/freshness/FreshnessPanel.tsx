/**
 * "Fresh data" with its state: reads the worker's feed status, follows its
 * `data/changed` push, runs "Check now", and says when "What changed" was
 * seen (the worker then clears the badge). The popup, the full page and the
 * options page show it; the browser calls come in as `api`
 * (lib/browser/freshness-api.ts), so this stays a plain component.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FeedsStatus } from '@/lib/feeds';
import type { ChangeKind } from '@/lib/messaging';
import type { Engine } from '@/lib/schema';
import { Freshness } from './Freshness';

export interface FreshnessApi {
  status(): Promise<FeedsStatus>;
  checkNow(): Promise<FeedsStatus>;
  markSeen(): Promise<unknown>;
  /** The engines' names for "What changed" (when the page has no dataset loaded). */
  engines(): Promise<readonly Engine[]>;
  subscribe(listener: (changed: readonly ChangeKind[]) => void): () => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function FreshnessPanel({
  api,
  engines: givenEngines,
  openChanges = false,
}: {
  api: FreshnessApi;
  engines?: readonly Engine[];
  openChanges?: boolean;
}) {
  const [status, setStatus] = useState<FeedsStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [changesOpen, setChangesOpen] = useState(openChanges);
  const [loadedEngines, setLoadedEngines] = useState<readonly Engine[]>([]);
  // "Updated N days ago" counts from when the status was read.
  const [now, setNow] = useState(() => Date.now());

  const show = useCallback((next: FeedsStatus) => {
    setStatus(next);
    setStatusError(null);
    setNow(Date.now());
  }, []);
  const load = useCallback(() => {
    api.status().then(show, (error: unknown) => setStatusError(messageOf(error)));
  }, [api, show]);

  useEffect(() => {
    load();
    return api.subscribe(load);
  }, [api, load]);

  useEffect(() => {
    if (givenEngines) return;
    api.engines().then(setLoadedEngines, () => undefined);
  }, [api, givenEngines]);

  // Seeing "What changed" clears the badge.
  const unseen = changesOpen && status?.lastChange !== null && status?.lastChange.seen === false;
  useEffect(() => {
    if (unseen) void api.markSeen().then(load, () => undefined);
  }, [unseen, api, load]);

  const checkNow = useCallback(() => {
    setChecking(true);
    api
      .checkNow()
      .then(show, (error: unknown) => setStatusError(messageOf(error)))
      .finally(() => setChecking(false));
  }, [api, show]);

  return (
    <Freshness
      status={status}
      statusError={statusError}
      engines={givenEngines ?? loadedEngines}
      now={now}
      checking={checking}
      changesOpen={changesOpen}
      onCheckNow={checkNow}
      onToggleChanges={setChangesOpen}
    />
  );
}
