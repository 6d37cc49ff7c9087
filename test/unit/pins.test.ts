import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngineLensDB, type EngineLensDatabase } from '@/entrypoints/background/db';
import { deletePin, readPins, setActivePin, writePins } from '@/entrypoints/background/pin-store';
import { PIN_FORMAT_VERSION, PinSchema, pinsDocument, readPin, readPinsDocument, type Pin } from '@/lib/pins';
import { writeV1Database } from './fixtures/db-v1';
import { PINS_V1 } from './fixtures/pins-v1';

const pins = PINS_V1 as unknown as Pin[];

describe('readPin', () => {
  it('reads the format-1 fixtures as they are', () => {
    for (const pin of pins) expect(readPin(structuredClone(pin))).toEqual({ ok: true, pin });
  });

  it('refuses a newer format with a message saying to update', () => {
    const read = readPin({ ...pins[0], formatVersion: PIN_FORMAT_VERSION + 1 });
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/newer than this Engine Lens understands.*update Engine Lens/) });
  });

  it.each([
    ['no format version', { ...pins[0], formatVersion: undefined }],
    ['a note over 2,000 characters', { ...pins[0], note: 'x'.repeat(2001) }],
    ['a priority of 4', { ...pins[0], priorities: { ...pins[0]!.priorities, cost: 4 } }],
    ['an empty title', { ...pins[0], title: '   ' }],
    ['an id with a slash', { ...pins[0], id: 'pin/../../etc' }],
    ['a string', 'pin'],
    ['null', null],
  ])('refuses %s without throwing', (_name, raw) => {
    expect(readPin(raw).ok).toBe(false);
  });

  it('drops unknown fields, and __proto__ / constructor keys pollute nothing', () => {
    const hostile = JSON.parse(
      JSON.stringify({ ...pins[0], extra: 'dropped' }).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'),
    );
    const read = readPin(hostile);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.pin).sort()).toEqual(Object.keys(PinSchema.shape).sort());
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(read.pin)).toBe(Object.prototype);
  });
});

describe('pins documents (export files and team feeds)', () => {
  it('round-trips an export and accepts a single bare pin', () => {
    const doc = JSON.parse(JSON.stringify(pinsDocument(pins, new Date('2026-12-01T10:00:00Z'))));
    expect(doc).toMatchObject({ format: 'engine-lens.pins', formatVersion: 1, exportedAt: '2026-12-01T10:00:00.000Z' });
    expect(readPinsDocument(doc)).toEqual({ ok: true, pins });
    expect(readPinsDocument(structuredClone(pins[0]))).toEqual({ ok: true, pins: [pins[0]] });
  });

  it.each([
    ['a newer document format', { ...pinsDocument(pins, new Date()), formatVersion: 2 }, /update Engine Lens/],
    ['one bad pin among good ones', { ...pinsDocument(pins, new Date()), pins: [pins[0], { ...pins[1], pick: 'Not An Id' }] }, /pin 2/],
    ['no pins', { ...pinsDocument(pins, new Date()), pins: [] }, /not a valid pins document/],
    ['a duplicate id', { ...pinsDocument(pins, new Date()), pins: [pins[0], pins[0]] }, /twice/],
    ['an HTML page', '<!doctype html><title>Sign in</title>', /not an Engine Lens pin/],
    ['an empty object', {}, /not an Engine Lens pin/],
  ])('refuses %s with a reason', (_name, json, reason) => {
    const read = readPinsDocument(json);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });
});

describe('pin store', () => {
  let db: EngineLensDatabase;
  let name = '';
  let n = 0;
  afterEach(async () => {
    db?.close();
    await deleteDB(name);
  });

  it('an upgraded database from the previous layout finds every pin intact', async () => {
    name = `pins-upgrade-${++n}`;
    await writeV1Database(name, { pins: pins.map((pin) => ({ id: pin.id, updatedAt: pin.updatedAt, data: pin })) });
    db = await openEngineLensDB(name);
    const stored = await readPins(db);
    expect(stored.unreadable).toEqual([]);
    // Newest first.
    expect(stored.pins).toEqual([pins[0], pins[1]]);
  });

  it('reports a row it cannot read and keeps it in the store', async () => {
    name = `pins-unreadable-${++n}`;
    db = await openEngineLensDB(name);
    await writePins(db, [pins[0]!]);
    await db.put('pins', { id: 'from-a-later-build', updatedAt: 1, data: { ...pins[1], id: 'from-a-later-build', formatVersion: 9 } });
    const stored = await readPins(db);
    expect(stored.pins.map((p) => p.id)).toEqual([pins[0]!.id]);
    expect(stored.unreadable).toEqual([{ id: 'from-a-later-build', reason: expect.stringMatching(/update Engine Lens/) }]);
    expect(await db.get('pins', 'from-a-later-build')).toBeDefined();
  });

  it('writes all pins or none, and keeps the active one in step', async () => {
    name = `pins-write-${++n}`;
    db = await openEngineLensDB(name);
    await expect(writePins(db, [pins[0]!, { ...pins[1]!, note: 'x'.repeat(3000) }])).rejects.toThrow();
    expect(await db.count('pins')).toBe(0);
    await writePins(db, pins);
    await setActivePin(db, pins[1]!.id);
    expect((await readPins(db)).activeId).toBe(pins[1]!.id);
    await expect(setActivePin(db, 'no-such-pin-id')).rejects.toThrow();
    await deletePin(db, pins[1]!.id);
    expect(await readPins(db)).toMatchObject({ activeId: null, pins: [pins[0]] });
  });
});
