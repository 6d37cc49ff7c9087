/**
 * The background worker's data service: owns the database connection and
 * serves the active dataset. The database is opened lazily, once per worker
 * life; MV3 stops idle workers, and the next start simply reopens it.
 */
import { bundledDataset } from '@/lib/bundled-dataset';
import { openEngineLensDB, type EngineLensDatabase } from './db';
import { installBundledDataset, loadActiveDataset, storeDataset, type ActiveDataset } from './dataset-store';
import { appendLog, readLog } from './log-store';

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

/**
 * "Reset data" from the options page: the stored datasets (feed ones
 * included), the feed state and the log are cleared and the bundled dataset
 * is loaded again. Team pins are kept unless `deletePins`. Settings are not
 * data and stay as they are.
 */
export async function resetData({ deletePins }: { deletePins: boolean }): Promise<{ datasetVersion: string; pinsDeleted: boolean }> {
  const dataset = bundledDataset();
  const db = await database();
  if (!db) return { datasetVersion: dataset.version, pinsDeleted: false };
  await installing?.catch(() => undefined);
  const tx = db.transaction(['datasets', 'feeds', 'log', 'meta', 'pins'], 'readwrite');
  await Promise.all([
    tx.objectStore('datasets').clear(),
    tx.objectStore('feeds').clear(),
    tx.objectStore('log').clear(),
    tx.objectStore('meta').delete('activeDatasetVersion'),
    tx.objectStore('meta').delete('lastChange'),
    ...(deletePins ? [tx.objectStore('pins').clear(), tx.objectStore('meta').delete('activePinId')] : []),
  ]);
  await tx.done;
  await storeDataset(db, dataset, 'bundled');
  await appendLog(db, 'install', `The stored data was reset; the bundled dataset ${dataset.version} is served${deletePins ? ' and team pins were deleted' : ''}.`);
  return { datasetVersion: dataset.version, pinsDeleted: deletePins };
}
