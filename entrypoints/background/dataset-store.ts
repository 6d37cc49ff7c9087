/**
 * Reading and writing the comparison dataset in IndexedDB, with the repair
 * rules the worker promises its callers:
 * - a stored dataset (and the meta row pointing at it) is validated every
 *   time it is read back;
 * - a row of an older shape is migrated when a migration exists;
 * - a row written by a later build (newer schema version) is kept untouched:
 *   the bundle is served meanwhile and the log says why;
 * - anything else that is missing or corrupt is repaired from the bundle, and
 *   a log line records why;
 * - nothing here throws at the caller: the worst case is the bundled data.
 */
import { z } from 'zod';
import { runMigrations, type MigrationChain } from '@/lib/migrate';
import { parseDataset } from '@/lib/normalize';
import { DATASET_SCHEMA_VERSION, type Dataset } from '@/lib/schema';
import type { DatasetSource } from '@/lib/status';
import type { DatasetOrigin, EngineLensDatabase } from './db';
import { appendLog } from './log-store';

/**
 * Steps that move a stored dataset to the next `DATASET_SCHEMA_VERSION`,
 * keyed by the version they produce (see lib/migrate.ts). None yet: version 1
 * is the first normalized shape.
 */
export const DATASET_MIGRATIONS: MigrationChain = {};

/** What the worker serves, and how it got it. */
export interface ActiveDataset {
  dataset: Dataset;
  source: DatasetSource;
  /** Why the bundle is served instead of the store, when it is. */
  repairReason?: string;
}

/** The envelope of a stored dataset; its `data` is validated separately. */
const DatasetRowSchema = z.object({
  version: z.string().min(1),
  schemaVersion: z.number().int(),
  origin: z.enum(['bundled', 'feed']),
  storedAt: z.number(),
  data: z.unknown(),
});

const ActiveVersionSchema = z.object({ key: z.literal('activeDatasetVersion'), value: z.string().min(1).max(200) });

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

/** Older versions kept as history besides the active one (for diffs and a pin's "changed since"). */
export const DATASET_HISTORY = 5;

/**
 * Stores a dataset from a feed, makes it active and records what changed
 * (when anything did), all in one transaction: a worker stopped in the middle leaves either the
 * old data or the new, never a mix. Old history beyond {@link DATASET_HISTORY}
 * versions is dropped (never the bundled one).
 */
export async function storeFeedDataset(db: EngineLensDatabase, dataset: Dataset, lastChange?: unknown): Promise<void> {
  const valid = parseDataset(dataset);
  const tx = db.transaction(['datasets', 'meta'], 'readwrite');
  const datasets = tx.objectStore('datasets');
  await datasets.put({ version: valid.version, schemaVersion: DATASET_SCHEMA_VERSION, origin: 'feed', storedAt: Date.now(), data: valid });
  await tx.objectStore('meta').put({ key: 'activeDatasetVersion', value: valid.version });
  if (lastChange !== undefined) await tx.objectStore('meta').put({ key: 'lastChange', value: lastChange });
  // Newest first by the storedAt index; keep the active one, the bundle and a few before them.
  let kept = 0;
  for (let cursor = await datasets.index('storedAt').openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
    const row = cursor.value;
    if (row.version === valid.version || row.origin === 'bundled') continue;
    kept += 1;
    if (kept > DATASET_HISTORY) await cursor.delete();
  }
  await tx.done;
}

/** A stored dataset version (history), validated; null when missing or unreadable. */
export async function readDatasetVersion(db: EngineLensDatabase, version: string): Promise<Dataset | null> {
  const row = DatasetRowSchema.safeParse(await db.get('datasets', version));
  if (!row.success || row.data.schemaVersion !== DATASET_SCHEMA_VERSION) return null;
  try {
    return parseDataset(row.data.data);
  } catch {
    return null;
  }
}

type StoredRead =
  | { kind: 'ok'; dataset: Dataset; origin: DatasetOrigin }
  /** Written by a later build: keep it, serve the bundle. */
  | { kind: 'newer'; problem: string; version: string }
  /** Missing or unusable: repair from the bundle. */
  | { kind: 'bad'; problem: string };

/** The stored active dataset, or why it cannot be served. */
async function readStored(db: EngineLensDatabase): Promise<StoredRead> {
  const meta = ActiveVersionSchema.safeParse(await db.get('meta', 'activeDatasetVersion'));
  if (!meta.success) {
    const raw = await db.get('meta', 'activeDatasetVersion');
    return { kind: 'bad', problem: raw === undefined ? 'no active dataset recorded' : 'the active-dataset record is invalid' };
  }
  const active = meta.data.value;
  const parsedRow = DatasetRowSchema.safeParse(await db.get('datasets', active));
  if (!parsedRow.success) return { kind: 'bad', problem: `dataset ${active} is missing or its row is malformed` };
  const row = parsedRow.data;
  if (row.schemaVersion > DATASET_SCHEMA_VERSION) {
    return {
      kind: 'newer',
      version: active,
      problem: `dataset ${active} was stored by a newer Engine Lens (schema version ${row.schemaVersion}; this build reads ${DATASET_SCHEMA_VERSION}), so it is kept as it is and the data that ships with this build is shown`,
    };
  }
  let data = row.data;
  if (row.schemaVersion < DATASET_SCHEMA_VERSION) {
    const migrated = runMigrations(data, row.schemaVersion, DATASET_SCHEMA_VERSION, DATASET_MIGRATIONS);
    if (!migrated.ok) {
      return { kind: 'bad', problem: `dataset ${active} has schema version ${row.schemaVersion}, expected ${DATASET_SCHEMA_VERSION} (${migrated.reason})` };
    }
    data = migrated.value;
  }
  try {
    const dataset = parseDataset(data);
    // Write the migrated form back, so the next read is a plain read.
    if (row.schemaVersion !== DATASET_SCHEMA_VERSION) await storeDataset(db, dataset, row.origin);
    return { kind: 'ok', dataset, origin: row.origin };
  } catch (error) {
    return { kind: 'bad', problem: `dataset ${active} is invalid: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The dataset to serve. Falls back to `bundled` when the stored one is
 * unusable (repairing the store, except for a later build's data, which is
 * kept); never throws.
 */
export async function loadActiveDataset(db: EngineLensDatabase | null, bundled: () => Dataset): Promise<ActiveDataset> {
  if (!db) return { dataset: bundled(), source: 'bundle-only', repairReason: 'database unavailable' };
  try {
    const stored = await readStored(db);
    if (stored.kind === 'ok') return { dataset: stored.dataset, source: 'store' };
    if (stored.kind === 'newer') {
      await appendLog(db, 'repair', `Served the bundled dataset: ${stored.problem}.`, { unlessRepeated: true });
      return { dataset: bundled(), source: 'bundle-only', repairReason: stored.problem };
    }
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
 * On install and update: load the bundled dataset into the store. The
 * bundle is the floor: it replaces stored data unless that is a newer feed
 * dataset (which stays active, the bundle kept as history) or was written by
 * a later build (kept untouched).
 */
export async function installBundledDataset(db: EngineLensDatabase, bundled: Dataset): Promise<void> {
  const stored = await readStored(db);
  if (stored.kind === 'newer') {
    if (stored.version !== bundled.version) await putHistory(db, bundled);
    await appendLog(db, 'install', `Bundled dataset ${bundled.version} stored as history; ${stored.problem}.`);
    return;
  }
  const keepFeed =
    stored.kind === 'ok' &&
    stored.origin === 'feed' &&
    stored.dataset.version.localeCompare(bundled.version, 'en', { numeric: true }) > 0;
  if (keepFeed) {
    await putHistory(db, bundled);
    await appendLog(db, 'install', `Bundled dataset ${bundled.version} stored; newer feed dataset ${stored.dataset.version} stays active.`);
    return;
  }
  await storeDataset(db, bundled, 'bundled');
  await appendLog(db, 'install', `Bundled dataset ${bundled.version} loaded.`);
}

/** Stores a dataset without making it active. */
async function putHistory(db: EngineLensDatabase, dataset: Dataset): Promise<void> {
  await db.put('datasets', {
    version: dataset.version,
    schemaVersion: DATASET_SCHEMA_VERSION,
    origin: 'bundled',
    storedAt: Date.now(),
    data: parseDataset(dataset),
  });
}
