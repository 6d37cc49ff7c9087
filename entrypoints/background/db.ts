/**
 * The background worker's IndexedDB: stores, layout version, upgrade steps
 * and self-repair. Only the worker opens this database.
 *
 * Rows are typed here, but everything read back is validated with zod by the
 * module that uses it (dataset-store, pin-store, log-store): a typed row is a
 * promise, not a proof.
 *
 * Versions. `DB_VERSION` is the layout of the stores. The IndexedDB version
 * number is `DB_VERSION * 100` plus one for every self-repair at that layout
 * (a store can only be created in a version change), so a repair never eats
 * the version number of a later layout. Databases written before this scheme
 * have version 1, which reads as layout 1. Upgrade steps are cumulative
 * `if (from < n)` blocks and never delete user data (pins above all).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { LogEntry } from '@/lib/status';
import { appendLog, trimLog } from './log-store';

export const DB_NAME = 'engine-lens';

/**
 * Layout version of the stores. 1: datasets, pins, meta, log. 2: feeds (the
 * state of each feed the user subscribed to: validators, last check, back-off),
 * and every open repairs a missing store or index.
 */
export const DB_VERSION = layoutVersion(2, import.meta.env.WXT_ENGINE_LENS_TEST_DB_VERSION);

/**
 * The layout version, or a higher one set at build time for the upgrade test
 * only (test/e2e/pins.spec.ts builds with `WXT_ENGINE_LENS_TEST_DB_VERSION=3`
 * to play "an update with a newer database": every pin must survive it).
 * Never lower than the code's own layout.
 */
function layoutVersion(code: number, override: unknown): number {
  const wanted = typeof override === 'string' && /^\d{1,3}$/.test(override) ? Number(override) : code;
  return Math.max(code, wanted);
}

/** The layout a stored IndexedDB version number stands for (see the module comment). */
export function layoutOf(idbVersion: number): number {
  return idbVersion < 100 ? idbVersion : Math.floor(idbVersion / 100);
}

/** Where a stored dataset came from. */
export type DatasetOrigin = 'bundled' | 'feed';

/** A dataset as stored: its content is `unknown` until validated. */
export interface DatasetRow {
  /** Dataset content version, e.g. "2026-06-24.1"; the key. */
  version: string;
  /** Normalized-shape version the row was written with (lib/schema.ts DATASET_SCHEMA_VERSION). */
  schemaVersion: number;
  origin: DatasetOrigin;
  storedAt: number;
  data: unknown;
}

/** A team's pinned comparison; `data` is a pin in the format of lib/pins.ts, validated on every read. */
export interface PinRow {
  id: string;
  updatedAt: number;
  data: unknown;
}

/** What the worker remembers about one feed URL; `data` is validated by the feed module. */
export interface FeedRow {
  url: string;
  data: unknown;
}

/** One line of the worker's own history. `id` is assigned by the store. */
export type LogRow = LogEntry & { id?: number };

export interface MetaRows {
  /** Version key of the dataset the worker serves. */
  activeDatasetVersion: string;
  /** Id of the pin marked active (its pick and note lead the card and the popup). */
  activePinId: string;
  /** The last update that brought changes ("What changed"; lib/feeds.ts ChangeRecord). */
  lastChange: unknown;
}
export type MetaKey = keyof MetaRows;

export interface EngineLensDB extends DBSchema {
  datasets: { key: string; value: DatasetRow; indexes: { storedAt: number } };
  pins: { key: string; value: PinRow };
  feeds: { key: string; value: FeedRow };
  meta: { key: MetaKey; value: { key: MetaKey; value: unknown } };
  log: { key: number; value: LogRow; indexes: { at: number } };
}

export type EngineLensDatabase = IDBPDatabase<EngineLensDB>;
type UpgradeTransaction = IDBPTransaction<EngineLensDB, StoreNames<EngineLensDB>[], 'versionchange'>;

/**
 * Every store and index of the current layout, with the layout that
 * introduced it (so an upgrade can tell a part that is new from one a
 * damaged database lost).
 */
const LAYOUT: Record<
  StoreNames<EngineLensDB>,
  { since: number; keyPath: string; autoIncrement?: boolean; indexes: Record<string, number> }
> = {
  datasets: { since: 1, keyPath: 'version', indexes: { storedAt: 1 } },
  pins: { since: 1, keyPath: 'id', indexes: {} },
  feeds: { since: 2, keyPath: 'url', indexes: {} },
  meta: { since: 1, keyPath: 'key', indexes: {} },
  log: { since: 1, keyPath: 'id', autoIncrement: true, indexes: { at: 1 } },
};
const STORE_NAMES = Object.keys(LAYOUT) as StoreNames<EngineLensDB>[];

/**
 * Creates whatever store or index of {@link LAYOUT} is missing and touches
 * nothing that exists. Returns the parts that the database's old layout
 * should already have had: those were lost, and are repairs to log.
 */
function ensureLayout(db: EngineLensDatabase, tx: UpgradeTransaction, oldVersion: number): string[] {
  const from = oldVersion === 0 ? 0 : layoutOf(oldVersion);
  const lost: string[] = [];
  for (const name of STORE_NAMES) {
    const spec = LAYOUT[name];
    const exists = db.objectStoreNames.contains(name);
    const store = exists
      ? tx.objectStore(name)
      : db.createObjectStore(name, { keyPath: spec.keyPath, autoIncrement: spec.autoIncrement ?? false });
    if (!exists && spec.since <= from) lost.push(name);
    for (const [index, since] of Object.entries(spec.indexes)) {
      // Index names are typed per store; the layout table is checked by the DBSchema above.
      if (store.indexNames.contains(index as never)) continue;
      store.createIndex(index as never, index);
      if (exists && since <= from) lost.push(`${name}.${index}`);
    }
  }
  return lost;
}

/** Names of the stores and indexes of {@link LAYOUT} that `db` lacks. */
async function missingParts(db: EngineLensDatabase): Promise<string[]> {
  const missing: string[] = STORE_NAMES.filter((name) => !db.objectStoreNames.contains(name));
  const present = STORE_NAMES.filter((name) => db.objectStoreNames.contains(name));
  if (present.length > 0) {
    const tx = db.transaction(present, 'readonly');
    for (const name of present) {
      const indexNames = tx.objectStore(name).indexNames;
      for (const index of Object.keys(LAYOUT[name].indexes)) {
        if (!indexNames.contains(index as never)) missing.push(`${name}.${index}`);
      }
    }
    await tx.done;
  }
  return missing;
}

function openAt(name: string, version: number | undefined, lost: string[]): Promise<EngineLensDatabase> {
  return openDB<EngineLensDB>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // Layout steps are all additive so far: one idempotent pass creates what
      // is missing (every store on a fresh install, layout 2's feeds store on
      // an upgrade, anything a damaged database lost). A later step that
      // transforms rows goes below as `if (layoutOf(oldVersion) < n) { ... }`,
      // awaiting nothing but this transaction.
      lost.push(...ensureLayout(db, tx, oldVersion));
    },
  });
}

/**
 * Opens the database, upgrading it to the current layout, and repairs it:
 * a store or index that a damaged database lacks is recreated (and logged),
 * and the log is trimmed. A database written by a later build (a higher
 * version) is opened as it is, never downgraded. `name` is for tests.
 */
export async function openEngineLensDB(name = DB_NAME): Promise<EngineLensDatabase> {
  const lost: string[] = [];
  let db: EngineLensDatabase;
  try {
    db = await openAt(name, DB_VERSION * 100, lost);
  } catch (error) {
    // A later build, or a repair at a later layout, left a higher version: open that.
    if ((error as { name?: unknown } | null)?.name !== 'VersionError') throw error;
    db = await openAt(name, undefined, lost);
  }
  const missing = await missingParts(db);
  if (missing.length > 0) {
    // Lost at the current version: only a version change can recreate a store.
    const version = db.version + 1;
    db.close();
    db = await openAt(name, version, []);
    lost.push(...missing);
  }
  if (lost.length > 0) {
    await appendLog(db, 'repair', `The database lacked ${lost.join(', ')}; recreated it (every existing row kept).`);
  }
  await trimLog(db);
  return db;
}
