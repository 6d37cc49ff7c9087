/**
 * What changed in a pin's chosen rows since it was pinned: each row's values
 * as the pin's snapshot kept them, against the same row in the dataset served
 * now (a feed may have brought a newer version). Pure.
 */
import { pinRows, rowSnapshot } from './pin-edit';
import type { Pin } from './pins';
import type { Comparison } from './schema';

/** One engine's value of a row, then and now; null where there was or is no value. */
export interface ValueChange {
  engineId: string;
  before: string | null;
  after: string | null;
}

export type RowChange =
  | { kind: 'difference' | 'fact'; id: string; label: string; status: 'changed'; values: ValueChange[] }
  | { kind: 'difference' | 'fact'; id: string; label: string; status: 'removed' };

export interface PinChanges {
  /** The dataset version the pin was made against. */
  since: string;
  /** The dataset version served now. */
  current: string;
  /** Rows whose values differ from the snapshot, or that the current data no longer has, in the pin's order. */
  changed: RowChange[];
  /** Rows the pin kept no snapshot of: whether they changed cannot be told. */
  unknown: string[];
  /** The pin's comparison is not in the current data at all. */
  comparisonGone: boolean;
}

/**
 * Compares the pin's snapshot with `comparison` (the pin's comparison in the
 * dataset of version `currentVersion`; undefined when that dataset lacks it).
 */
export function changesSince(pin: Pin, comparison: Comparison | undefined, currentVersion: string): PinChanges {
  const changed: RowChange[] = [];
  const unknown: string[] = [];
  for (const row of pinRows(pin, comparison)) {
    if (!row.present) {
      changed.push({ kind: row.kind, id: row.id, label: labelFromSnapshot(row.label), status: 'removed' });
      continue;
    }
    if (!Object.hasOwn(pin.snapshot, row.id)) {
      unknown.push(row.id);
      continue;
    }
    const before = pin.snapshot[row.id] ?? {};
    const after = rowSnapshot(row, comparison!.engines);
    const engines = [...new Set([...comparison!.engines, ...Object.keys(before)])];
    const values: ValueChange[] = [];
    for (const engineId of engines) {
      const was = Object.hasOwn(before, engineId) ? (before[engineId] ?? null) : null;
      const is = Object.hasOwn(after, engineId) ? (after[engineId] ?? null) : null;
      if (was !== is) values.push({ engineId, before: was, after: is });
    }
    if (values.length > 0) changed.push({ kind: row.kind, id: row.id, label: row.label, status: 'changed', values });
  }
  return { since: pin.datasetVersion, current: currentVersion, changed, unknown, comparisonGone: comparison === undefined };
}

/** A removed row is only known by its id: show it as words ("latency-on-a100" → "latency on a100"). */
function labelFromSnapshot(id: string): string {
  return id.replace(/-/g, ' ');
}
