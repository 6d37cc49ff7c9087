/**
 * Reading and writing the comparison dataset in IndexedDB, with the repair
 * rules the worker promises its callers:
 * - a stored dataset is validated every time it is read back;
 * - if it is missing, corrupt or of an older shape, the bundled dataset is
 *   served instead, the store is repaired, and a log line records why;
 * - nothing here throws at the caller: the worst case is the bundled data.
 */
import { DATASET_SCHEMA_VERSION, DatasetSchema, type Dataset } from '@/lib/schema';
import { parseDataset } from '@/lib/normalize';
import { LOG_LIMIT, type DatasetOrigin, type EngineLensDatabase, type LogRow } from './db';

/** What the worker serves, and how it got it. */
export interface ActiveDataset {
  dataset: Dataset;
  /** 'store': read from IndexedDB and valid; 'repaired': the store was bad and was rewritten from the bundle; 'bundle-only': IndexedDB failed, served from memory. */
  source: 'store' | 'repaired' | 'bundle-only';
  /** Why a repair happened, when one did. */
  repairReason?: string;
}

export async function appendLog(db: EngineLensDatabase, kind: LogRow['kind'], message: string): Promise<void> {
  const tx = db.transaction('log', 'readwrite');
  await tx.store.add({ at: Date.now(), kind, message });
  // Trim the oldest lines beyond the limit.
  const count = await tx.store.count();
  if (count > LOG_LIMIT) {
    let cursor = await tx.store.openCursor();
    for (let extra = count - LOG_LIMIT; cursor && extra > 0; extra--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

export async function readLog(db: EngineLensDatabase, limit = 20): Promise<LogRow[]> {
  const rows = await db.getAll('log');
  return rows.slice(-limit).reverse();
}

/** Stores `dataset` and makes it the active one, keeping older versions as history. */
export async function storeDataset(db: EngineLensDatabase, dataset: Dataset, origin: DatasetOrigin): Promise<void> {
  // Validate (shape and referential integrity) before writing: the store only ever receives valid rows.
  const valid = parseDataset(dataset);
  const tx = db.transaction(['datasets', 'meta'], 'readwrite');
  await tx.objectStore('datasets').put({
    version: valid.version,
    schemaVersion: DATASET_SCHEMA_VERSION,
    origin,
    storedAt: Date.now(),
    data: valid,
  });
  await tx.objectStore('meta').put({ key: 'activeDatasetVersion', value: valid.version });
  await tx.done;
}

/** Why the stored dataset cannot be served, or null if it can. */
async function readStored(db: EngineLensDatabase): Promise<{ dataset: Dataset } | { problem: string }> {
  const active = await db.get('meta', 'activeDatasetVersion');
  if (!active) return { problem: 'no active dataset recorded' };
  const row = await db.get('datasets', active.value);
  if (!row) return { problem: `dataset ${active.value} is missing` };
  if (row.schemaVersion !== DATASET_SCHEMA_VERSION) {
    return { problem: `dataset ${active.value} has schema version ${row.schemaVersion}, expected ${DATASET_SCHEMA_VERSION}` };
  }
  try {
    return { dataset: parseDataset(row.data) };
  } catch (error) {
    return { problem: `dataset ${active.value} is invalid: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The dataset to serve. Falls back to `bundled` (and repairs the store) when
 * the stored one is unusable; never throws.
 */
export async function loadActiveDataset(
  db: EngineLensDatabase | null,
  bundled: () => Dataset,
): Promise<ActiveDataset> {
  if (!db) return { dataset: bundled(), source: 'bundle-only', repairReason: 'database unavailable' };
  try {
    const stored = await readStored(db);
    if ('dataset' in stored) return { dataset: stored.dataset, source: 'store' };
    const dataset = bundled();
    await storeDataset(db, dataset, 'bundled');
    await appendLog(db, 'repair', `Served the bundled dataset: ${stored.problem}.`);
    return { dataset, source: 'repaired', repairReason: stored.problem };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { dataset: bundled(), source: 'bundle-only', repairReason: reason };
  }
}

/**
 * On install and update: load the bundled dataset into the store. A newer
 * dataset already stored from a feed stays active; older versions are kept.
 */
export async function installBundledDataset(db: EngineLensDatabase, bundled: Dataset): Promise<void> {
  const active = await db.get('meta', 'activeDatasetVersion');
  const activeRow = active ? await db.get('datasets', active.value) : undefined;
  const keepFeed =
    activeRow?.origin === 'feed' &&
    activeRow.schemaVersion === DATASET_SCHEMA_VERSION &&
    DatasetSchema.safeParse(activeRow.data).success &&
    activeRow.version.localeCompare(bundled.version, 'en', { numeric: true }) > 0;
  if (keepFeed) {
    // Still store the bundle as history, without making it active.
    await db.put('datasets', {
      version: bundled.version,
      schemaVersion: DATASET_SCHEMA_VERSION,
      origin: 'bundled',
      storedAt: Date.now(),
      data: bundled,
    });
    await appendLog(db, 'install', `Bundled dataset ${bundled.version} stored; newer feed dataset ${activeRow.version} stays active.`);
    return;
  }
  await storeDataset(db, bundled, 'bundled');
  await appendLog(db, 'install', `Bundled dataset ${bundled.version} loaded.`);
}
