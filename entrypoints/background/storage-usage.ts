/**
 * How much Engine Lens stores, for the options page's Data section: its
 * IndexedDB (datasets, pins, log) and the two storage areas of the settings.
 * Each figure is null where the browser cannot tell (Firefox has no
 * `getBytesInUse` for every area).
 */
import type { ReplyData } from '@/lib/messaging';

type Area = { getBytesInUse?: (keys: null) => Promise<number> } | undefined;

async function bytesInUse(area: Area): Promise<number | null> {
  try {
    return typeof area?.getBytesInUse === 'function' ? await area.getBytesInUse(null) : null;
  } catch {
    return null;
  }
}

export async function storageUsage(): Promise<ReplyData<'storage/usage'>> {
  let databaseBytes: number | null = null;
  try {
    databaseBytes = (await navigator.storage?.estimate?.())?.usage ?? null;
  } catch {
    databaseBytes = null;
  }
  const sync = browser.storage.sync as unknown as Area & { QUOTA_BYTES?: number };
  return {
    databaseBytes,
    syncBytes: await bytesInUse(sync),
    syncQuotaBytes: typeof sync?.QUOTA_BYTES === 'number' ? sync.QUOTA_BYTES : null,
    localBytes: await bytesInUse(browser.storage.local as unknown as Area),
  };
}
