/**
 * Team pins in IndexedDB (the `pins` store, lib/pins.ts format). Every row is
 * validated when read back, like the dataset. A row that cannot be read (a
 * later build's format, or damage) is reported and left in place, never
 * deleted: pins are the user's data.
 */
import { z } from 'zod';
import { readPin, type Pin, type PinId } from '@/lib/pins';
import type { EngineLensDatabase } from './db';

/** A stored row this build cannot read, and why (shown to the user, kept in the store). */
export interface UnreadablePin {
  id: string;
  reason: string;
}

export interface StoredPins {
  /** Newest first. */
  pins: Pin[];
  unreadable: UnreadablePin[];
  /** The active pin's id, when it names a readable pin. */
  activeId: PinId | null;
}

const ActivePinSchema = z.object({ key: z.literal('activePinId'), value: z.string() });

/** Every stored pin, validated (and migrated) one by one, newest first. */
export async function readPins(db: EngineLensDatabase): Promise<StoredPins> {
  const tx = db.transaction(['pins', 'meta']);
  const [rows, activeRow] = await Promise.all([
    tx.objectStore('pins').getAll(),
    tx.objectStore('meta').get('activePinId'),
  ]);
  await tx.done;
  const pins: Pin[] = [];
  const unreadable: UnreadablePin[] = [];
  const updated = (row: { data: unknown }) => Number((row.data as { updatedAt?: unknown } | null)?.updatedAt) || 0;
  for (const row of rows.sort((a, b) => updated(b) - updated(a))) {
    const read = readPin(row.data);
    if (read.ok && read.pin.id === row.id) pins.push(read.pin);
    else unreadable.push({ id: String(row.id), reason: read.ok ? 'its id does not match its key' : read.reason });
  }
  const active = ActivePinSchema.safeParse(activeRow);
  const activeId = active.success && pins.some((p) => p.id === active.data.value) ? active.data.value : null;
  return { pins, unreadable, activeId };
}

/** One stored pin, validated; null when missing or unreadable. */
export async function readStoredPin(db: EngineLensDatabase, id: PinId): Promise<Pin | null> {
  const row = await db.get('pins', id);
  if (!row) return null;
  const read = readPin(row.data);
  return read.ok && read.pin.id === id ? read.pin : null;
}

/**
 * Stores (adds or replaces) pins in one transaction: all of them or none.
 * With `active`, the same transaction marks that pin active (a pin id), or
 * clears the active pin (null); without it the active pin is left alone.
 */
export async function writePins(
  db: EngineLensDatabase,
  pins: readonly Pin[],
  { active }: { active?: PinId | null } = {},
): Promise<void> {
  // Validate first: the store only ever receives valid pins.
  const valid = pins.map((pin) => {
    const read = readPin(pin);
    if (!read.ok) throw new Error(read.reason);
    return read.pin;
  });
  if (typeof active === 'string' && !valid.some((pin) => pin.id === active)) {
    throw new Error(`The pin to mark active ("${active}") is not among those written.`);
  }
  const tx = db.transaction(['pins', 'meta'], 'readwrite');
  const store = tx.objectStore('pins');
  const writes: Promise<unknown>[] = valid.map((pin) => store.put({ id: pin.id, updatedAt: pin.updatedAt, data: pin }));
  if (typeof active === 'string') writes.push(tx.objectStore('meta').put({ key: 'activePinId', value: active }));
  if (active === null) writes.push(tx.objectStore('meta').delete('activePinId'));
  await Promise.all([...writes, tx.done]);
}

/** Deletes a pin (and clears it as the active one). */
export async function deletePin(db: EngineLensDatabase, id: PinId): Promise<void> {
  const tx = db.transaction(['pins', 'meta'], 'readwrite');
  const active = ActivePinSchema.safeParse(await tx.objectStore('meta').get('activePinId'));
  await tx.objectStore('pins').delete(id);
  if (active.success && active.data.value === id) await tx.objectStore('meta').delete('activePinId');
  await tx.done;
}

/** Marks one pin active (its pick and note lead the card and the popup), or none. */
export async function setActivePin(db: EngineLensDatabase, id: PinId | null): Promise<void> {
  if (id === null) {
    await db.delete('meta', 'activePinId');
    return;
  }
  if (!(await readStoredPin(db, id))) throw new Error(`No readable pin "${id}".`);
  await db.put('meta', { key: 'activePinId', value: id });
}
