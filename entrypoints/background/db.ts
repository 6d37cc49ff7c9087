/**
 * The background worker's IndexedDB: schema, version and upgrade steps.
 *
 * Only the background worker opens this database. Rows are typed here, but
 * everything read back is still validated with zod by the code that uses it
 * (lib/dataset-store.ts): a typed row is a promise, not a proof.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DB_NAME = 'engine-lens';

/**
 * Bump this and add an `if (oldVersion < N)` step to `upgrade` for every change
 * to the stores. Steps are cumulative and never delete user data (pins, settings).
 */
export const DB_VERSION = 1;

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

/** A team's pinned comparison (content defined by a later issue); stored, never dropped on upgrade. */
export interface PinRow {
  id: string;
  updatedAt: number;
  data: unknown;
}

/** One line of the worker's own history: repairs, installs, feed refreshes. */
export interface LogRow {
  id?: number;
  at: number;
  kind: 'install' | 'repair' | 'refresh' | 'error';
  message: string;
}

export interface MetaRows {
  /** Version key of the dataset the worker serves. */
  activeDatasetVersion: string;
}
export type MetaKey = keyof MetaRows;

export interface EngineLensDB extends DBSchema {
  datasets: { key: string; value: DatasetRow; indexes: { storedAt: number } };
  pins: { key: string; value: PinRow };
  meta: { key: MetaKey; value: { key: MetaKey; value: MetaRows[MetaKey] } };
  log: { key: number; value: LogRow; indexes: { at: number } };
}

export type EngineLensDatabase = IDBPDatabase<EngineLensDB>;

/** Keep the log bounded: it is for diagnosis, not history. */
export const LOG_LIMIT = 200;

/** Opens (and upgrades) the database. `name` is overridable for tests. */
export function openEngineLensDB(name = DB_NAME): Promise<EngineLensDatabase> {
  return openDB<EngineLensDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Version 1: the initial stores. Later versions add steps below; each
      // step only creates or transforms, so rows written by older versions
      // (pins above all) survive every upgrade.
      if (oldVersion < 1) {
        const datasets = db.createObjectStore('datasets', { keyPath: 'version' });
        datasets.createIndex('storedAt', 'storedAt');
        db.createObjectStore('pins', { keyPath: 'id' });
        db.createObjectStore('meta', { keyPath: 'key' });
        const log = db.createObjectStore('log', { keyPath: 'id', autoIncrement: true });
        log.createIndex('at', 'at');
      }
    },
  });
}
