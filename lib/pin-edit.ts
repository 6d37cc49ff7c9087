/**
 * Making and changing pins: what the editor sends (a draft), how the worker
 * turns it into a stored pin against the current dataset, the rows a pin
 * shows, and how an import treats ids that are already taken. Pure: the
 * caller passes the time and the random bytes.
 */
import { z } from 'zod';
import { PinIdSchema, PinSchema, type Pin, type PinId } from './pins';
import type { Comparison, EngineId, Fact, KeyDifference } from './schema';

/** What the editor sends: everything the team chooses, nothing the worker derives (id, snapshot, times). */
export const PinDraftSchema = PinSchema.pick({ title: true, team: true, rows: true, priorities: true, pick: true, note: true });
export type PinDraft = z.infer<typeof PinDraftSchema>;

/** The draft that would save `pin` as it is. */
export function draftOf(pin: Pin): PinDraft {
  return {
    title: pin.title,
    team: pin.team,
    rows: { differences: [...pin.rows.differences], facts: [...pin.rows.facts] },
    priorities: { ...pin.priorities },
    pick: pin.pick,
    note: pin.note,
  };
}

/** Longest raw value a snapshot keeps (PinSchema allows 500). */
export const SNAPSHOT_VALUE_MAX = 500;

/** A new pin id: 16 random bytes in base64url (22 characters). */
export function newPinId(random: Uint8Array): PinId {
  if (random.length < 12) throw new Error('a pin id needs at least 12 random bytes');
  let binary = '';
  for (const byte of random) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** One row a pin can choose: a key difference or a fact of the comparison. */
export type PinRowRef =
  | { kind: 'difference'; id: string; label: string; row: KeyDifference }
  | { kind: 'fact'; id: string; label: string; row: Fact };

function findRow(comparison: Comparison, kind: 'difference' | 'fact', id: string): PinRowRef | null {
  if (kind === 'difference') {
    const row = comparison.keyDifferences.find((d) => d.id === id);
    return row ? { kind, id, label: row.title, row } : null;
  }
  const row = comparison.facts.find((f) => f.id === id);
  return row ? { kind, id, label: row.metric, row } : null;
}

/** A row of a pin as shown: found in the current comparison, or gone from it. */
export type PinRowView =
  | (PinRowRef & { present: true })
  | { kind: 'difference' | 'fact'; id: string; label: string; present: false };

/** The pin's chosen rows in its order (differences, then facts), looked up in `comparison`. */
export function pinRows(pin: Pick<Pin, 'rows'>, comparison: Comparison | undefined): PinRowView[] {
  const look = (kind: 'difference' | 'fact', id: string): PinRowView => {
    const found = comparison ? findRow(comparison, kind, id) : null;
    return found ? { ...found, present: true } : { kind, id, label: id, present: false };
  };
  return [
    ...pin.rows.differences.map((id) => look('difference', id)),
    ...pin.rows.facts.map((id) => look('fact', id)),
  ];
}

function clipValue(text: string): string {
  return text.length <= SNAPSHOT_VALUE_MAX ? text : `${text.slice(0, SNAPSHOT_VALUE_MAX - 1)}…`;
}

/** The raw values of one row per compared engine, as a snapshot keeps them. */
export function rowSnapshot(ref: PinRowRef, engines: readonly EngineId[]): Record<EngineId, string> {
  const values: Record<EngineId, string> = {};
  for (const engine of engines) {
    if (Object.hasOwn(ref.row.values, engine)) {
      const figure = ref.row.values[engine];
      if (figure) values[engine] = clipValue(figure.raw);
    }
  }
  return values;
}

export interface BuildPinInput {
  draft: PinDraft;
  comparison: Comparison;
  /** The version of the dataset `comparison` is from. */
  datasetVersion: string;
  /** The pin being edited; absent for a new pin. */
  existing?: Pin;
  /** The id for a new pin (ignored when editing). */
  newId: PinId;
  now: number;
  /**
   * Pin the rows again against the current data: every snapshot value and the
   * dataset version are taken anew ("I have seen what changed").
   */
  repin?: boolean;
}

/**
 * The pin for a draft. Rows must be in the comparison, except rows the pin
 * being edited already had (a row a later dataset dropped stays, shown as
 * gone). A kept row keeps the value it was pinned with; a new row takes
 * today's. The pick must be one of the compared engines, or null.
 * @throws Error naming the first problem.
 */
export function buildPin({ draft, comparison, datasetVersion, existing, newId, now, repin = false }: BuildPinInput): Pin {
  const engines = comparison.engines;
  if (draft.pick !== null && !engines.includes(draft.pick)) {
    throw new Error(`"${draft.pick}" is not one of the engines this comparison compares.`);
  }
  if (existing && existing.comparisonId !== comparison.id) throw new Error('A pin cannot move to another comparison.');
  const keep = (id: string) => !repin && existing !== undefined && Object.hasOwn(existing.snapshot, id);
  const snapshot: Pin['snapshot'] = {};
  const check = (kind: 'difference' | 'fact', ids: readonly string[]) => {
    if (new Set(ids).size !== ids.length) throw new Error(`A ${kind} is chosen twice.`);
    for (const id of ids) {
      const ref = findRow(comparison, kind, id);
      const had = existing !== undefined && (kind === 'difference' ? existing.rows.differences : existing.rows.facts).includes(id);
      if (!ref && !had) throw new Error(`No ${kind} "${id}" in this comparison.`);
      if (keep(id)) snapshot[id] = { ...existing!.snapshot[id] };
      else if (ref) snapshot[id] = rowSnapshot(ref, engines);
    }
  };
  check('difference', draft.rows.differences);
  check('fact', draft.rows.facts);
  return PinSchema.parse({
    formatVersion: 1,
    id: existing?.id ?? newId,
    title: draft.title,
    team: draft.team,
    comparisonId: comparison.id,
    datasetVersion: existing && !repin ? existing.datasetVersion : datasetVersion,
    rows: { differences: [...draft.rows.differences], facts: [...draft.rows.facts] },
    priorities: { ...draft.priorities },
    pick: draft.pick,
    note: draft.note,
    snapshot,
    createdAt: existing?.createdAt ?? now,
    updatedAt: Math.max(now, existing ? existing.updatedAt + 1 : 0),
  });
}

/** What to do with an incoming pin whose id is already taken. */
export const ClashChoiceSchema = z.enum(['keep-both', 'replace']);
export type ClashChoice = z.infer<typeof ClashChoiceSchema>;

export const ClashChoicesSchema = z.record(PinIdSchema, ClashChoiceSchema);

/**
 * The pins an import writes: an incoming pin with a free id is added as it
 * is; one whose id is taken replaces the stored pin or is added under a new
 * id (from `newId`), as the user chose. Pins are written as they were
 * made: their times are the team's, not the import's.
 * @throws Error when a clash has no choice (the preview must ask first).
 */
export function planImport(
  incoming: readonly Pin[],
  takenIds: ReadonlySet<string>,
  choices: Readonly<Record<string, ClashChoice>>,
  newId: () => PinId,
): Pin[] {
  const used = new Set(takenIds);
  return incoming.map((pin) => {
    if (!used.has(pin.id)) {
      used.add(pin.id);
      return pin;
    }
    const choice = Object.hasOwn(choices, pin.id) ? choices[pin.id] : undefined;
    if (choice === undefined) throw new Error(`Choose whether "${pin.title}" replaces the pin with the same id or is kept beside it.`);
    if (choice === 'replace') return pin;
    let id = newId();
    while (used.has(id)) id = newId();
    used.add(id);
    return { ...pin, id };
  });
}
