/**
 * What changed between two versions of the dataset, for "What changed" and
 * for "Track this comparison". Rows are matched by id, never by position, so
 * a row moved in the file is not a change. Pure: two validated datasets in, a
 * description of their differences out; nothing here invents a value, every
 * `from` / `to` is a raw figure text of one of the two datasets.
 */
import { z } from 'zod';
import { EngineIdSchema, type Comparison, type Dataset, type EngineId, type Figure } from './schema';

const text = z.string().max(5000);

export const RowRefSchema = z.object({
  rowId: z.string().max(100),
  kind: z.enum(['fact', 'keyDifference']),
  /** The row's label as printed (the newer one's when both exist). */
  label: text,
});
export type RowRef = z.infer<typeof RowRefSchema>;

/** One engine's figure in one row, before and after (null: no value). */
export const FigureChangeSchema = RowRefSchema.extend({ engineId: EngineIdSchema, from: text.nullable(), to: text.nullable() });
export type FigureChange = z.infer<typeof FigureChangeSchema>;

export const WinnerFlipSchema = RowRefSchema.extend({ from: EngineIdSchema.nullable(), to: EngineIdSchema.nullable() });
export type WinnerFlip = z.infer<typeof WinnerFlipSchema>;

export const ScoreChangeSchema = z.object({ engineId: EngineIdSchema, from: z.number().nullable(), to: z.number().nullable() });
export type ScoreChange = z.infer<typeof ScoreChangeSchema>;

const list = <T extends z.ZodType>(item: T) => z.array(item).max(2000);

export const ComparisonDiffSchema = z.object({
  comparisonId: z.string().max(100),
  title: text,
  /** The comparison itself is new, or gone (then nothing else is listed for it). */
  status: z.enum(['changed', 'added', 'removed']),
  figuresChanged: list(FigureChangeSchema),
  rowsAdded: list(RowRefSchema),
  rowsRemoved: list(RowRefSchema),
  verdictText: z.object({ from: text, to: text }).nullable(),
  scoresChanged: list(ScoreChangeSchema),
  winnersFlipped: list(WinnerFlipSchema),
});
export type ComparisonDiff = z.infer<typeof ComparisonDiffSchema>;

export const DatasetDiffSchema = z.object({
  fromVersion: z.string().max(100),
  toVersion: z.string().max(100),
  /** Only comparisons with at least one change. */
  comparisons: z.array(ComparisonDiffSchema).max(100),
});
export type DatasetDiff = z.infer<typeof DatasetDiffSchema>;

/** The kinds of change a user can track (the seed's "Track this comparison" triggers). */
export type TrackedKind = 'figureChange' | 'newSpec' | 'verdictUpdate';

interface Row extends RowRef {
  values: Record<EngineId, Figure>;
  winner?: EngineId | null;
}

function rowsOf(comparison: Comparison): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const f of comparison.facts) rows.set(f.id, { rowId: f.id, kind: 'fact', label: f.metric, values: f.values });
  for (const k of comparison.keyDifferences) {
    rows.set(k.id, { rowId: k.id, kind: 'keyDifference', label: k.title, values: k.values, winner: k.winner });
  }
  return rows;
}

const ref = ({ rowId, kind, label }: Row): RowRef => ({ rowId, kind, label });

function diffComparison(before: Comparison, after: Comparison): ComparisonDiff {
  const oldRows = rowsOf(before);
  const newRows = rowsOf(after);
  const figuresChanged: FigureChange[] = [];
  const winnersFlipped: WinnerFlip[] = [];
  const rowsAdded: RowRef[] = [];
  const rowsRemoved: RowRef[] = [];
  const engines = [...new Set([...before.engines, ...after.engines])];

  for (const [id, row] of newRows) {
    const old = oldRows.get(id);
    if (!old) {
      rowsAdded.push(ref(row));
      continue;
    }
    for (const engineId of engines) {
      const from = old.values[engineId]?.raw ?? null;
      const to = row.values[engineId]?.raw ?? null;
      if (from !== to) figuresChanged.push({ ...ref(row), engineId, from, to });
    }
    if (row.kind === 'keyDifference' && old.kind === 'keyDifference' && (old.winner ?? null) !== (row.winner ?? null)) {
      winnersFlipped.push({ ...ref(row), from: old.winner ?? null, to: row.winner ?? null });
    }
  }
  for (const [id, row] of oldRows) if (!newRows.has(id)) rowsRemoved.push(ref(row));

  const scoresChanged: ScoreChange[] = [];
  for (const engineId of engines) {
    const from = before.verdict.scores[engineId] ?? null;
    const to = after.verdict.scores[engineId] ?? null;
    if (from !== to) scoresChanged.push({ engineId, from, to });
  }

  return {
    comparisonId: after.id,
    title: after.title,
    status: 'changed',
    figuresChanged,
    rowsAdded,
    rowsRemoved,
    verdictText: before.verdict.text === after.verdict.text ? null : { from: before.verdict.text, to: after.verdict.text },
    scoresChanged,
    winnersFlipped,
  };
}

const empty = (comparison: Comparison, status: ComparisonDiff['status']): ComparisonDiff => ({
  comparisonId: comparison.id,
  title: comparison.title,
  status,
  figuresChanged: [],
  rowsAdded: [],
  rowsRemoved: [],
  verdictText: null,
  scoresChanged: [],
  winnersFlipped: [],
});

/** True when a comparison diff lists anything. */
export function hasChanges(diff: ComparisonDiff): boolean {
  return (
    diff.status !== 'changed' ||
    diff.figuresChanged.length > 0 ||
    diff.rowsAdded.length > 0 ||
    diff.rowsRemoved.length > 0 ||
    diff.verdictText !== null ||
    diff.scoresChanged.length > 0 ||
    diff.winnersFlipped.length > 0
  );
}

/** Every difference between `before` and `after`, comparison by comparison (matched by id). */
export function diffDatasets(before: Dataset, after: Dataset): DatasetDiff {
  const comparisons: ComparisonDiff[] = [];
  const oldById = new Map(before.comparisons.map((c) => [c.id, c]));
  for (const comparison of after.comparisons) {
    const old = oldById.get(comparison.id);
    const diff = old ? diffComparison(old, comparison) : empty(comparison, 'added');
    if (hasChanges(diff)) comparisons.push(diff);
  }
  const newIds = new Set(after.comparisons.map((c) => c.id));
  for (const comparison of before.comparisons) if (!newIds.has(comparison.id)) comparisons.push(empty(comparison, 'removed'));
  return { fromVersion: before.version, toVersion: after.version, comparisons };
}

/**
 * Which trackable kinds of change a diff contains: a figure changed; a spec
 * (row or comparison) was added or removed; the verdict changed (its text,
 * a score, or a key difference's winner).
 */
export function trackedKinds(diff: DatasetDiff): Set<TrackedKind> {
  const kinds = new Set<TrackedKind>();
  for (const c of diff.comparisons) {
    if (c.figuresChanged.length > 0) kinds.add('figureChange');
    if (c.status !== 'changed' || c.rowsAdded.length > 0 || c.rowsRemoved.length > 0) kinds.add('newSpec');
    if (c.verdictText !== null || c.scoresChanged.length > 0 || c.winnersFlipped.length > 0) kinds.add('verdictUpdate');
  }
  return kinds;
}
