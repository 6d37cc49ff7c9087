/**
 * The glue for "Fresh data" (popup and full page): reads the worker's feed
 * status, follows its `data/changed` push, runs "Check now", and tells the
 * worker when "What changed" was seen (the badge then goes).
 */
import { useCallback, useEffect, useState } from 'react';
import { Freshness } from '@/components/freshness/Freshness';
import { onDataChanged } from '@/lib/browser/data-changed';
import { send } from '@/lib/browser/send';
import type { FeedsStatus } from '@/lib/feeds';
import type { Engine } from '@/lib/schema';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function FreshnessSection({ engines, openChanges = false }: { engines: readonly Engine[]; openChanges?: boolean }) {
  const [status, setStatus] = useState<FeedsStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [changesOpen, setChangesOpen] = useState(openChanges);
  // "Updated N days ago" counts from when the status was read.
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(() => {
    send({ type: 'feeds/status' }).then(
      (next) => {
        setStatus(next);
        setStatusError(null);
        setNow(Date.now());
      },
      (error: unknown) => setStatusError(messageOf(error)),
    );
  }, []);

  useEffect(() => {
    load();
    return onDataChanged(load);
  }, [load]);

  // Seeing "What changed" clears the badge.
  const unseen = changesOpen && status?.lastChange !== null && status?.lastChange.seen === false;
  useEffect(() => {
    if (unseen) void send({ type: 'changes/seen' }).then(load, () => undefined);
  }, [unseen, load]);

  const checkNow = useCallback(() => {
    setChecking(true);
    send({ type: 'feeds/check' })
      .then(
        (next) => {
          setStatus(next);
          setStatusError(null);
          setNow(Date.now());
        },
        (error: unknown) => setStatusError(messageOf(error)),
      )
      .finally(() => setChecking(false));
  }, []);

  return (
    <Freshness
      status={status}
      statusError={statusError}
      engines={engines}
      now={now}
      checking={checking}
      changesOpen={changesOpen}
      onCheckNow={checkNow}
      onToggleChanges={setChangesOpen}
    />
  );
}
