/**
 * The background worker's data service: owns the database connection and
 * serves the active dataset. The database is opened lazily, once per worker
 * life; MV3 stops idle workers, and the next start simply reopens it.
 */
import { bundledDataset } from '@/lib/bundled-dataset';
import { openEngineLensDB, type EngineLensDatabase } from './db';
import { installBundledDataset, loadActiveDataset, storeDataset, type ActiveDataset } from './dataset-store';
import { readLog } from './log-store';

let dbPromise: Promise<EngineLensDatabase | null> | undefined;
/** An install/update load in progress; reads wait for it so they never see a half-filled store. */
let installing: Promise<void> | undefined;

/** The open database, or null when IndexedDB is unavailable (then the bundle is served). */
export function database(): Promise<EngineLensDatabase | null> {
  dbPromise ??= openEngineLensDB().catch((error: unknown) => {
    console.error('Engine Lens: cannot open IndexedDB; serving the bundled dataset.', error);
    dbPromise = undefined; // try again on the next request
    return null;
  });
  return dbPromise;
}

/** The dataset to serve, read from IndexedDB (repaired from the bundle if needed). */
export async function activeDataset(): Promise<ActiveDataset> {
  await installing?.catch(() => undefined);
  return loadActiveDataset(await database(), bundledDataset);
}

/** On install and on update: load the bundled dataset into the store. */
export function onInstalledOrUpdated(): Promise<void> {
  installing = (async () => {
    const db = await database();
    if (db) await installBundledDataset(db, bundledDataset());
  })();
  return installing;
}

export async function resetToBundled(): Promise<string> {
  const db = await database();
  const dataset = bundledDataset();
  if (db) await storeDataset(db, dataset, 'bundled');
  return dataset.version;
}

/** The newest log lines (validated) and how many unreadable rows were skipped. */
export async function recentLog() {
  const db = await database();
  return db ? readLog(db) : { entries: [], unreadable: 0 };
}
