/**
 * The worker's side of team pins: the handlers of the `pins/*` messages
 * (lib/messaging.ts). Pins live in IndexedDB (./pin-store.ts, validated on
 * every read); a pin is built from the editor's draft against the dataset
 * the worker serves (lib/pin-edit.ts), so its snapshot is the data's, never
 * the sender's. Every change is announced with `data/changed: pins`, so the
 * popup, the full page and the hover cards of open tabs follow without a
 * reload.
 */
import { findComparison, comparedEngines } from '@/lib/comparison-view';
import type { ReplyData, Request } from '@/lib/messaging';
import { buildPin, newPinId, planImport } from '@/lib/pin-edit';
import type { Pin, PinId } from '@/lib/pins';
import { clip } from '@/lib/schema';
import { broadcastChange } from './broadcast';
import { activeDataset, database } from './data';
import type { EngineLensDatabase } from './db';
import { deletePin, readPins, readStoredPin, setActivePin, writePins } from './pin-store';

async function pinsDatabase(): Promise<EngineLensDatabase> {
  const db = await database();
  if (!db) throw new Error('Pins are kept in IndexedDB, which this browser profile cannot open right now.');
  return db;
}

const randomId = (): PinId => newPinId(crypto.getRandomValues(new Uint8Array(16)));

function announce(): void {
  void broadcastChange(['pins']).catch(() => undefined);
}

export async function listPins(): Promise<ReplyData<'pins/list'>> {
  const stored = await readPins(await pinsDatabase());
  // A damaged row may carry anything as its key: the reply stays within its schema.
  return { ...stored, unreadable: stored.unreadable.map(({ id, reason }) => ({ id: clip(id, 200), reason: clip(reason, 500) })) };
}

export async function savePin({ id, comparisonId, draft, repin, active }: Request<'pins/save'>): Promise<ReplyData<'pins/save'>> {
  const db = await pinsDatabase();
  const { dataset } = await activeDataset();
  const comparison = findComparison(dataset, comparisonId);
  if (!comparison) throw new Error(`No comparison "${comparisonId}" in the data Engine Lens serves.`);
  const existing = id === null ? undefined : ((await readStoredPin(db, id)) ?? undefined);
  if (id !== null && !existing) throw new Error('That pin no longer exists (deleted in another window?).');
  const pin = buildPin({ draft, comparison, datasetVersion: dataset.version, existing, newId: randomId(), now: Date.now(), repin });
  const { activeId } = await readPins(db);
  // `active` on: this pin leads. Off: it stops leading if it did; another active pin stays.
  const nextActive = active ? pin.id : activeId === pin.id ? null : undefined;
  await writePins(db, [pin], nextActive === undefined ? {} : { active: nextActive });
  announce();
  return { pin };
}

export async function removePin({ id }: Request<'pins/delete'>): Promise<ReplyData<'pins/delete'>> {
  const db = await pinsDatabase();
  const existed = (await db.get('pins', id)) !== undefined;
  await deletePin(db, id);
  announce();
  return { deleted: existed };
}

export async function chooseActivePin({ id }: Request<'pins/set-active'>): Promise<ReplyData<'pins/set-active'>> {
  await setActivePin(await pinsDatabase(), id);
  announce();
  return { activeId: id };
}

export async function importPins({ pins, onClash, activateFirst }: Request<'pins/import'>): Promise<ReplyData<'pins/import'>> {
  const db = await pinsDatabase();
  if (new Set(pins.map((p) => p.id)).size !== pins.length) throw new Error('The import lists one pin id twice.');
  const stored = await db.getAllKeys('pins');
  const planned: Pin[] = planImport(pins, new Set(stored), onClash, randomId);
  const first = planned[0];
  await writePins(db, planned, activateFirst && first ? { active: first.id } : {});
  announce();
  return { imported: planned.map((p) => p.id) };
}

/** The active pin's pick and note, for the card's extension frame only (privileged). */
export async function activeTeamPick(): Promise<ReplyData<'pins/team-pick'>> {
  const db = await database();
  if (!db) return null;
  const { pins, activeId } = await readPins(db);
  const pin = pins.find((p) => p.id === activeId);
  if (!pin) return null;
  const { dataset } = await activeDataset();
  const comparison = findComparison(dataset, pin.comparisonId);
  const engines = comparison ? comparedEngines(dataset, comparison).map(({ id, name }) => ({ id, name })) : [];
  if (engines.length < 2) return null;
  return { pick: { title: pin.title, teamName: pin.team, engineId: pin.pick, note: pin.note }, engines };
}

/** Whether a pin of `comparisonId` is active: the card data says only that (never its content). */
export async function hasActivePin(comparisonId: string): Promise<boolean> {
  const db = await database();
  if (!db) return false;
  const { pins, activeId } = await readPins(db);
  return pins.some((p) => p.id === activeId && p.comparisonId === comparisonId);
}
