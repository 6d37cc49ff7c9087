/**
 * Contradictions are data: the source states some metrics several times with
 * different values (GitHub stars five times for vLLM). Rows that measure the
 * same thing share a `measure` key; this module gathers each engine's claims
 * for a measure, spans them, and says whether they disagree, so the UI can
 * show every claim instead of picking one. Pure: no I/O.
 */
import type {
  Claim,
  EngineId,
  Fact,
  Figure,
  KeyDifference,
  MeasureGroup,
  ParsedFigure,
  Range,
} from './schema';

/**
 * Whether two claims state the same value.
 *
 * - Both parsed: same min and same max (null max = open-ended, so "7,500+" and
 *   "7,500" differ). "~" and qualifiers are ignored, so "~50-60ms per token"
 *   agrees with "50-60ms". Units must match when both are stated; a figure
 *   without a unit ("~8,000-12,000") takes the row's unit and is not a conflict.
 * - Both unparsed: the same text (ignoring case and surrounding space).
 * - One parsed, one not: they say different things ("500+" vs "Unlimited").
 */
export function sameValue(a: Figure, b: Figure): boolean {
  if (a.parsed && b.parsed) {
    const unitsCompatible = a.parsed.unit === null || b.parsed.unit === null || a.parsed.unit === b.parsed.unit;
    return unitsCompatible && a.parsed.min === b.parsed.min && a.parsed.max === b.parsed.max;
  }
  if (!a.parsed && !b.parsed) return a.raw.trim().toLowerCase() === b.raw.trim().toLowerCase();
  return false;
}

/**
 * The span of an engine's parsed claims: the lowest min and the highest max.
 *
 * The max is null (open-ended) when *any* claim is open at the top, not only
 * the one with the highest number: "21,000+" allows values above a closed
 * "22,500", so together they bound nothing from above.
 *
 * Returns null when no claim could be parsed, or when claims state different
 * units (a span of "5 GB" and "30 ms" means nothing); unitless claims are
 * taken to be in the row's unit, like in `sameValue`.
 */
export function spanOf(figures: readonly (ParsedFigure | null)[]): Range | null {
  const parsed = figures.filter((f): f is ParsedFigure => f !== null);
  if (parsed.length === 0) return null;
  const units = new Set(parsed.map((p) => p.unit).filter((u) => u !== null));
  if (units.size > 1) return null;
  const min = Math.min(...parsed.map((p) => p.min));
  const openEnded = parsed.some((p) => p.max === null);
  const max = openEnded ? null : Math.max(...parsed.map((p) => p.max ?? p.min));
  return { min, max };
}

/** Every pair of claims states the same value? */
const allAgree = (claims: readonly Claim[]): boolean =>
  claims.every((claim, i) => claims.slice(i + 1).every((other) => sameValue(claim.figure, other.figure)));

/**
 * One group per `measure` key, in order of first appearance (facts in their
 * order, then key differences in theirs). For each engine of `engines` that
 * has at least one claim: its claims in source order, their span, and whether
 * any two disagree. A group disagrees when any engine's claims do; different
 * values *between* engines are the comparison itself, not a disagreement.
 *
 * @param engines the comparison's engine ids; values for other ids are ignored
 */
export function groupMeasures(
  engines: readonly EngineId[],
  facts: readonly Fact[],
  keyDifferences: readonly KeyDifference[],
): MeasureGroup[] {
  type Row = { id: string; kind: Claim['kind']; label: string; measure?: string; values: Record<string, Figure> };
  const rows: Row[] = [
    ...facts.map((f) => ({ id: f.id, kind: 'fact' as const, label: f.metric, measure: f.measure, values: f.values })),
    ...keyDifferences.map((k) => ({
      id: k.id,
      kind: 'keyDifference' as const,
      label: k.title,
      measure: k.measure,
      values: k.values,
    })),
  ];

  const rowsByMeasure = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.measure === undefined) continue;
    const list = rowsByMeasure.get(row.measure) ?? [];
    list.push(row);
    rowsByMeasure.set(row.measure, list);
  }

  return [...rowsByMeasure].map(([measure, groupRows]) => {
    const perEngine: MeasureGroup['perEngine'] = {};
    for (const engine of engines) {
      const claims: Claim[] = groupRows.flatMap((row) => {
        const figure = row.values[engine];
        return figure ? [{ sourceId: row.id, kind: row.kind, label: row.label, figure }] : [];
      });
      if (claims.length === 0) continue;
      perEngine[engine] = {
        claims,
        range: spanOf(claims.map((c) => c.figure.parsed)),
        disagree: !allAgree(claims),
      };
    }
    return {
      measure,
      sourceIds: groupRows.map((r) => r.id),
      perEngine,
      disagree: Object.values(perEngine).some((e) => e.disagree),
    };
  });
}
