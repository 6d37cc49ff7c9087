import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { DB_VERSION, openEngineLensDB, type EngineLensDatabase } from '@/entrypoints/background/db';
import { installBundledDataset, loadActiveDataset, readLog, storeDataset } from '@/entrypoints/background/dataset-store';
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
function withShortAnswer(dataset: Dataset, shortAnswer: string, version: string): Dataset {
  const copy = structuredClone(dataset);
  copy.version = version;
  copy.comparisons[0]!.shortAnswer = shortAnswer;
  return copy;
}

describe('database upgrade', () => {
  it('creates every store on a fresh install', () => {
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['datasets', 'log', 'meta', 'pins']);
  });

  it('keeps pins and datasets when reopened at the current version', async () => {
    await db.put('pins', { id: 'team-a', updatedAt: 1, data: { pick: 'vllm' } });
    await installBundledDataset(db, bundle());
    db.close();
    db = await openEngineLensDB(name);
    expect(await db.get('pins', 'team-a')).toEqual({ id: 'team-a', updatedAt: 1, data: { pick: 'vllm' } });
    expect((await loadActiveDataset(db, bundle)).source).toBe('store');
  });
});

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

  it('on update keeps a newer feed dataset active and stores the bundle as history', async () => {
    await storeDataset(db, withShortAnswer(bundle(), 'From a feed', '9999-01-01.1'), 'feed');
    await installBundledDataset(db, bundle());
    expect((await loadActiveDataset(db, bundle)).dataset.version).toBe('9999-01-01.1');
    expect(await db.get('datasets', bundle().version)).toBeDefined();
  });
});
