/**
 * Pure helpers that turn a normalized comparison into what the comparison
 * view shows: facts grouped by topic, filtered by the user's query, and the
 * disagreeing measure groups each row belongs to.
 */
import type { Comparison, Dataset, Engine, EngineId, Fact, FactGroup, MeasureGroup } from './schema';
import { FactGroupSchema } from './schema';

/** Display names of the topic groups, in display order. */
export const FACT_GROUP_LABELS: Record<FactGroup, string> = {
  performance: 'Performance',
  memory: 'Memory',
  setup: 'Setup & deployment',
  models: 'Models & frameworks',
  hardware: 'Hardware',
  community: 'Community & adoption',
  cost: 'Cost',
  operations: 'Operations & support',
};

/** Shown wherever the source gives no value; never a blank or a zero. */
export const NO_VALUE = '—';

export function findComparison(dataset: Dataset, comparisonId?: string): Comparison | undefined {
  return comparisonId ? dataset.comparisons.find((c) => c.id === comparisonId) : dataset.comparisons[0];
}

/** The engines a comparison names, in its order. Unknown ids are skipped (the schema check prevents them). */
export function comparedEngines(dataset: Dataset, comparison: Comparison): Engine[] {
  return comparison.engines.flatMap((id) => dataset.engines.find((e) => e.id === id) ?? []);
}

export function engineName(engines: readonly Engine[], id: EngineId | null): string {
  if (id === null) return 'No winner';
  return engines.find((e) => e.id === id)?.name ?? id;
}

function normalizeForSearch(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u2010-\u2015]/g, '-');
}

/** True when every word of `query` occurs in the fact's label, unit or values. */
export function factMatches(fact: Fact, query: string): boolean {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalizeForSearch(
    [fact.metric, fact.unit ?? '', fact.diff?.raw ?? '', ...Object.values(fact.values).map((v) => v.raw)].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

export interface FactSection {
  group: FactGroup;
  label: string;
  facts: Fact[];
}

/** Facts that match `query`, grouped by topic in display order; empty groups are dropped. */
export function groupFacts(facts: readonly Fact[], query = ''): FactSection[] {
  return FactGroupSchema.options
    .map((group) => ({
      group,
      label: FACT_GROUP_LABELS[group],
      facts: facts.filter((f) => f.group === group && factMatches(f, query)),
    }))
    .filter((section) => section.facts.length > 0);
}

/** The measure group a fact or key difference belongs to, when that group disagrees. */
export function disagreementFor(comparison: Comparison, sourceId: string): MeasureGroup | undefined {
  return comparison.measureGroups.find((g) => g.disagree && g.sourceIds.includes(sourceId));
}

export function disagreeingGroups(comparison: Comparison): MeasureGroup[] {
  return comparison.measureGroups.filter((g) => g.disagree);
}

/** A readable name for a measure group: its key turned into words ("github-stars" → "GitHub stars"). */
export function measureLabel(measure: string): string {
  const special: Record<string, string> = { github: 'GitHub', a100: 'A100', gpu: 'GPU', kv: 'KV', ttft: 'TTFT' };
  const words = measure.split('-').map((w) => special[w] ?? w);
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export interface ChartBar {
  engineId: EngineId;
  raw: string;
  /** Start and end of the bar as fractions of the chart's scale (0..1). */
  from: number;
  to: number;
  /** The value is open-ended ("50,000+"). */
  openEnded: boolean;
}

export interface ChartRow {
  fact: Fact;
  bars: ChartBar[];
}

/**
 * Facts that can be charted: every engine has a parsed value in the same unit.
 * Each row is scaled to its own largest value; ranges become bars from min to max.
 */
export function chartRows(facts: readonly Fact[], engineIds: readonly EngineId[]): ChartRow[] {
  const rows: ChartRow[] = [];
  for (const fact of facts) {
    const parsed = engineIds.map((id) => fact.values[id]?.parsed ?? null);
    if (parsed.some((p) => p === null)) continue;
    const values = parsed as NonNullable<(typeof parsed)[number]>[];
    if (new Set(values.map((p) => p.unit ?? '')).size > 1) continue;
    const top = Math.max(...values.map((p) => p.max ?? p.min));
    if (!(top > 0)) continue;
    rows.push({
      fact,
      bars: engineIds.map((id, i) => {
        const p = values[i]!;
        const high = p.max ?? p.min;
        return {
          engineId: id,
          raw: fact.values[id]!.raw,
          from: p.max !== null && p.max !== p.min ? p.min / top : 0,
          to: high / top,
          openEnded: p.max === null,
        };
      }),
    });
  }
  return rows;
}
