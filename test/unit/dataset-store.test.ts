import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openEngineLensDB, type EngineLensDatabase } from '@/entrypoints/background/db';
import { installBundledDataset, loadActiveDataset, storeDataset } from '@/entrypoints/background/dataset-store';
import { readLog as readLogEntries } from '@/entrypoints/background/log-store';
import { DATASET_SCHEMA_VERSION } from '@/lib/schema';
import { bundledDataset } from '@/lib/bundled-dataset';
import type { Dataset } from '@/lib/schema';

let name: string;
let db: EngineLensDatabase;
let counter = 0;

beforeEach(async () => {
  name = `engine-lens-test-${++counter}`;
  db = await openEngineLensDB(name);
});
afterEach(async () => {
  db.close();
  await deleteDB(name);
});

const bundle = () => bundledDataset();
const readLog = async (database: EngineLensDatabase) => (await readLogEntries(database)).entries;
function withShortAnswer(dataset: Dataset, shortAnswer: string, version: string): Dataset {
  const copy = structuredClone(dataset);
  copy.version = version;
  copy.comparisons[0]!.shortAnswer = shortAnswer;
  return copy;
}

describe('active dataset', () => {
  it('installs the bundle and serves it from the store', async () => {
    await installBundledDataset(db, bundle());
    const active = await loadActiveDataset(db, bundle);
    expect(active.source).toBe('store');
    expect(active.dataset).toEqual(bundle());
    expect((await readLog(db))[0]).toMatchObject({ kind: 'install' });
  });

  it('serves what is stored, not the bundle', async () => {
    await storeDataset(db, withShortAnswer(bundle(), 'Edited in the store', 'edited-1'), 'feed');
    const active = await loadActiveDataset(db, bundle);
    expect(active.dataset.comparisons[0]!.shortAnswer).toBe('Edited in the store');
  });

  it('repairs a missing dataset from the bundle and logs why', async () => {
    const active = await loadActiveDataset(db, bundle);
    expect(active.source).toBe('repaired');
    expect(active.repairReason).toMatch(/no active dataset/);
    expect((await loadActiveDataset(db, bundle)).source).toBe('store');
    expect((await readLog(db))[0]).toMatchObject({ kind: 'repair' });
  });

  it('repairs a corrupt row and never serves it', async () => {
    await installBundledDataset(db, bundle());
    const row = (await db.get('datasets', bundle().version))!;
    (row.data as { comparisons: unknown }).comparisons = 'corrupt';
    await db.put('datasets', row);
    const active = await loadActiveDataset(db, bundle);
    expect(active.source).toBe('repaired');
    expect(active.repairReason).toMatch(/invalid/);
    expect(active.dataset).toEqual(bundle());
  });

  it('repairs a row written with an older schema version', async () => {
    await installBundledDataset(db, bundle());
    const row = (await db.get('datasets', bundle().version))!;
    await db.put('datasets', { ...row, schemaVersion: 0 });
    const active = await loadActiveDataset(db, bundle);
    expect(active.source).toBe('repaired');
    expect(active.repairReason).toMatch(/schema version 0/);
    expect((await loadActiveDataset(db, bundle)).source).toBe('store');
  });

  it('keeps user pins through a repair', async () => {
    await db.put('pins', { id: 'team-a', updatedAt: 1, data: {} });
    await db.put('meta', { key: 'activeDatasetVersion', value: 'gone' });
    await loadActiveDataset(db, bundle);
    expect(await db.get('pins', 'team-a')).toBeDefined();
  });

  it('falls back to the bundle without a database and never throws', async () => {
    expect((await loadActiveDataset(null, bundle)).source).toBe('bundle-only');
    db.close();
    const closed = await loadActiveDataset(db, bundle); // every read fails on a closed connection
    expect(closed.source).toBe('bundle-only');
    expect(closed.dataset).toEqual(bundle());
  });

  it('refuses to store an invalid dataset', async () => {
    await expect(storeDataset(db, { version: 'x' } as unknown as Dataset, 'feed')).rejects.toThrow();
    expect(await db.count('datasets')).toBe(0);
  });

  it('keeps a dataset written by a newer build untouched, serves the bundle and says why (once)', async () => {
    // Same version key as the bundle: the case where a repair used to overwrite it.
    const later = { ...structuredClone(bundle()), schemaVersion: DATASET_SCHEMA_VERSION + 1, futureField: 'kept' };
    const row = { version: bundle().version, schemaVersion: DATASET_SCHEMA_VERSION + 1, origin: 'feed' as const, storedAt: 5, data: later };
    await db.put('datasets', row);
    await db.put('meta', { key: 'activeDatasetVersion', value: bundle().version });
    for (let i = 0; i < 3; i++) {
      const active = await loadActiveDataset(db, bundle);
      expect(active.source).toBe('bundle-only');
      expect(active.dataset).toEqual(bundle());
      expect(active.repairReason).toMatch(/newer Engine Lens/);
    }
    expect(await db.get('datasets', bundle().version)).toEqual(row);
    const log = await readLog(db);
    expect(log.filter((line) => /newer Engine Lens/.test(line.message))).toHaveLength(1);
    // An update of this (older) build does not overwrite it either.
    await installBundledDataset(db, bundle());
    expect(await db.get('datasets', bundle().version)).toEqual(row);
    expect(await db.get('meta', 'activeDatasetVersion')).toEqual({ key: 'activeDatasetVersion', value: bundle().version });
  });

  it.each([
    ['a number', 42],
    ['an object', { not: 'a key' }],
    ['an empty string', ''],
  ])('repairs an active-dataset record that is %s, and logs it', async (_name, value) => {
    await installBundledDataset(db, bundle());
    await db.put('meta', { key: 'activeDatasetVersion', value });
    const active = await loadActiveDataset(db, bundle);
    expect(active.source).toBe('repaired');
    expect(active.repairReason).toMatch(/active-dataset record is invalid/);
    expect((await readLog(db))[0]).toMatchObject({ kind: 'repair' });
    expect((await loadActiveDataset(db, bundle)).source).toBe('store');
  });

  it('repairs a row whose envelope is malformed', async () => {
    await installBundledDataset(db, bundle());
    await db.put('datasets', { version: bundle().version, schemaVersion: 'one', origin: 'feed', storedAt: 1, data: bundle() } as never);
    expect((await loadActiveDataset(db, bundle)).source).toBe('repaired');
  });

  it('the bundle is the floor: an update whose bundle is newer than the stored feed data replaces it', async () => {
    await storeDataset(db, withShortAnswer(bundle(), 'From an older feed', '2026-01-01.1'), 'feed');
    await installBundledDataset(db, bundle());
    const active = await loadActiveDataset(db, bundle);
    expect(active.dataset.version).toBe(bundle().version);
    expect(active.dataset.comparisons[0]!.shortAnswer).toBe(bundle().comparisons[0]!.shortAnswer);
  });

  it('on update keeps a newer feed dataset active and stores the bundle as history', async () => {
    await storeDataset(db, withShortAnswer(bundle(), 'From a feed', '9999-01-01.1'), 'feed');
    await installBundledDataset(db, bundle());
    expect((await loadActiveDataset(db, bundle)).dataset.version).toBe('9999-01-01.1');
    expect(await db.get('datasets', bundle().version)).toBeDefined();
  });
});
