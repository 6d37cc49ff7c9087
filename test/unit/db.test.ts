import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, layoutOf, openEngineLensDB, type EngineLensDatabase } from '@/entrypoints/background/db';
import { appendLog, LOG_LIMIT, readLog } from '@/entrypoints/background/log-store';
import { writeV1Database } from './fixtures/db-v1';

let counter = 0;
const names: string[] = [];
const opened: EngineLensDatabase[] = [];
const freshName = () => {
  const name = `engine-lens-db-test-${++counter}`;
  names.push(name);
  return name;
};
async function open(name: string) {
  const db = await openEngineLensDB(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const name of names.splice(0)) await deleteDB(name);
});

const pinRows = [
  { id: 'pin-aaaaaaaa', updatedAt: 1, data: { formatVersion: 1, title: 'Serving stack', note: 'mixed fleet' } },
  { id: 'pin-bbbbbbbb', updatedAt: 2, data: { anything: ['a team wrote', 'this'] } },
];

describe('database layout and upgrades', () => {
  it('creates every store and index on a fresh install', async () => {
    const db = await open(freshName());
    expect(layoutOf(db.version)).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['datasets', 'feeds', 'log', 'meta', 'pins']);
    expect([...db.transaction('datasets').store.indexNames]).toEqual(['storedAt']);
  });

  it('upgrades a database written by the previous layout and finds every pin intact', async () => {
    const name = freshName();
    await writeV1Database(name, {
      pins: pinRows,
      meta: [{ key: 'activeDatasetVersion', value: '2026-06-24.1' }],
    });
    const db = await open(name);
    expect(layoutOf(db.version)).toBe(DB_VERSION);
    expect(await db.getAll('pins')).toEqual(pinRows);
    expect(await db.get('meta', 'activeDatasetVersion')).toEqual({ key: 'activeDatasetVersion', value: '2026-06-24.1' });
    // Layout 2's store is there, and nothing was reported lost.
    expect(db.objectStoreNames.contains('feeds')).toBe(true);
    expect((await readLog(db)).entries.filter((e) => e.kind === 'repair')).toEqual([]);
  });

  it('keeps pins when reopened at the current version', async () => {
    const name = freshName();
    const first = await open(name);
    await first.put('pins', pinRows[0]!);
    first.close();
    expect(await (await open(name)).get('pins', 'pin-aaaaaaaa')).toEqual(pinRows[0]);
  });

  it.each(['log', 'meta', 'datasets'])('heals a version-1 database missing its "%s" store, keeps the pins and logs it', async (store) => {
    const name = freshName();
    await writeV1Database(name, { pins: pinRows, omitStores: [store] });
    const db = await open(name);
    expect([...db.objectStoreNames].sort()).toEqual(['datasets', 'feeds', 'log', 'meta', 'pins']);
    expect(await db.getAll('pins')).toEqual(pinRows);
    expect(layoutOf(db.version)).toBe(DB_VERSION);
    expect((await readLog(db)).entries[0]).toMatchObject({ kind: 'repair', message: expect.stringContaining(`lacked ${store}`) });
  });

  it('heals a database at the current layout that lost a store, logs it, and a later layout still upgrades', async () => {
    const name = freshName();
    (await open(name)).close();
    opened.length = 0;
    // Damage it at the current version: drop the meta store in a version change the app did not make.
    const probe = await openDB(name);
    const current = probe.version;
    probe.close();
    const damaged = await openDB(name, current + 1, { upgrade: (database) => database.deleteObjectStore('meta') });
    damaged.close();
    const db = await open(name);
    expect(db.objectStoreNames.contains('meta')).toBe(true);
    expect(layoutOf(db.version)).toBe(DB_VERSION); // a repair never eats the next layout's number
    expect((await readLog(db)).entries[0]).toMatchObject({ kind: 'repair', message: expect.stringMatching(/lacked meta/) });
  });

  it('opens a database left by a later build as it is, without downgrading it', async () => {
    const name = freshName();
    await openDB(name, (DB_VERSION + 1) * 100, {
      upgrade(database) {
        database.createObjectStore('datasets', { keyPath: 'version' }).createIndex('storedAt', 'storedAt');
        database.createObjectStore('pins', { keyPath: 'id' });
        database.createObjectStore('feeds', { keyPath: 'url' });
        database.createObjectStore('meta', { keyPath: 'key' });
        database.createObjectStore('log', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
        database.createObjectStore('from-the-future', { keyPath: 'id' });
      },
    }).then((database) => database.close());
    const db = await open(name);
    expect(db.version).toBe((DB_VERSION + 1) * 100);
    expect([...db.objectStoreNames]).toContain('from-the-future');
  });

  it.each([
    [1, 1],
    [2, 2],
    [200, 2],
    [201, 2],
    [300, 3],
  ])('IndexedDB version %i is layout %i', (version, layout) => {
    expect(layoutOf(version)).toBe(layout);
  });
});

describe('the log', () => {
  it('is trimmed to its limit when the database opens, however large it grew', async () => {
    const name = freshName();
    await writeV1Database(name, {
      log: Array.from({ length: 50_000 }, (_, i) => ({ at: i, kind: 'refresh', message: `line ${i}` })),
    });
    const db = await open(name);
    expect(await db.count('log')).toBe(LOG_LIMIT);
    // The newest lines are the ones kept.
    expect((await readLog(db, 1)).entries[0]?.message).toBe('line 49999');
  }, 30_000);

  it('stays bounded as lines are appended', async () => {
    const db = await open(freshName());
    for (let i = 0; i < LOG_LIMIT + 20; i++) await appendLog(db, 'refresh', `line ${i}`);
    expect(await db.count('log')).toBe(LOG_LIMIT);
  });

  it('skips and counts rows that cannot be read back (a message that is not a string)', async () => {
    const name = freshName();
    await writeV1Database(name, {
      log: [
        { at: 1, kind: 'install', message: 'first' },
        { at: 2, kind: 'repair', message: 42 },
        { at: 3, kind: 'nonsense', message: 'x' },
        { at: 4, kind: 'refresh', message: 'last' },
      ],
    });
    const { entries, unreadable } = await readLog(await open(name));
    expect(entries.map((e) => e.message)).toEqual(['last', 'first']);
    expect(unreadable).toBe(2);
  });

  it('clips a message that is too long instead of storing it whole', async () => {
    const db = await open(freshName());
    await appendLog(db, 'error', 'x'.repeat(100_000));
    expect((await readLog(db)).entries[0]!.message.length).toBeLessThanOrEqual(2000);
  });
});
