/**
 * Pure helpers that turn a normalized comparison into what the comparison
 * view shows: facts grouped by topic, filtered by the user's query, the
 * disagreeing measure groups each row belongs to, the contradictions in words,
 * the charts' scales and what the Diff column is relative to.
 */
import type {
  Comparison,
  Dataset,
  Engine,
  EngineId,
  Fact,
  FactGroup,
  MeasureGroup,
  ParsedFigure,
  StatementSection,
  TextClaim,
  TextClaimGroup,
} from './schema';
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

// ------------------------------------------------------------ in words

/** The comparison's contradictions in words (none for a dataset stored before they were recorded). */
export function textClaimGroups(comparison: Comparison): TextClaimGroup[] {
  return comparison.textClaimGroups ?? [];
}

/**
 * The text groups with a claim quoted from one of `sections` (and, when
 * given, from that engine's list), e.g. every group that quotes the verdict,
 * so the place itself can carry the warning.
 */
export function textGroupsQuoting(
  comparison: Comparison,
  sections: readonly StatementSection[],
  engineId?: EngineId,
): TextClaimGroup[] {
  return textClaimGroups(comparison).filter((group) =>
    group.claims.some((c) => sections.includes(c.section) && (engineId === undefined || c.engine === engineId)),
  );
}

/** The source page's own names for its sections. */
export const STATEMENT_SECTION_LABELS: Record<StatementSection, string> = {
  shortAnswer: 'Short Answer',
  verdict: 'Our Verdict',
  chooseIf: 'Choose … if',
  keyDifferences: 'Key Differences',
  keyFacts: 'Key Facts & Figures',
  fullComparison: 'Full Comparison',
  pros: 'Pros',
  cons: 'Cons',
  faq: 'Frequently Asked Questions',
};

/**
 * Where a textual claim is made, in words a reader can find on the source
 * page: "Pros, TensorRT-LLM", "Key Facts & Figures, “Per-Token Latency (Llama 2 70B)”, Diff".
 */
export function claimLocation(
  claim: TextClaim,
  comparison: Pick<Comparison, 'facts' | 'keyDifferences'>,
  engines: readonly Pick<Engine, 'id' | 'name'>[],
): string {
  const name = claim.engine ? (engines.find((e) => e.id === claim.engine)?.name ?? claim.engine) : null;
  if (claim.section === 'chooseIf') return `Choose ${name ?? '…'} if`;
  const parts = [STATEMENT_SECTION_LABELS[claim.section]];
  if (claim.rowId) {
    const fact = comparison.facts.find((f) => f.id === claim.rowId);
    const difference = comparison.keyDifferences.find((k) => k.id === claim.rowId);
    const label = fact?.metric ?? difference?.title;
    if (label) parts.push(`“${label}”`);
    if (name) parts.push(name);
    else if (fact?.diff?.raw.includes(claim.quote)) parts.push('Diff');
  } else if (name) {
    parts.push(name);
  }
  return parts.join(', ');
}

// ---------------------------------------------------------------- charts

export type Direction = 'lower' | 'higher';

/** What each direction says on a chart. */
export const DIRECTION_LABELS: Record<Direction, string> = {
  lower: 'Lower is better',
  higher: 'Higher is better',
};

/**
 * Which way is better for a metric, read from its label; null when the metric
 * has no better direction (stars, model counts, platforms: more is not
 * "better" in itself). Latency and any time (setup, time to first token):
 * lower. Throughput: higher. Memory use: lower, but a memory *reduction* or
 * *saving* is the opposite quantity, so higher is better there.
 */
export function betterDirection(metric: string): Direction | null {
  const m = metric.toLowerCase();
  if (/\b(latency|ttft)\b/.test(m) || /\btime\b/.test(m)) return 'lower';
  if (/\bthroughput\b/.test(m)) return 'higher';
  if (/\b(memory|ram)\b/.test(m)) return /\b(reduction|saving|savings)\b/.test(m) ? 'higher' : 'lower';
  return null;
}

/** The axis steps a maximum is rounded up to, per power of ten. */
const NICE_STEPS = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** The smallest "round" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) that is at least `value`. */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const base = 10 ** Math.floor(Math.log10(value));
  for (const step of NICE_STEPS) {
    const candidate = Number((step * base).toPrecision(12));
    if (candidate >= value * (1 - 1e-9)) return candidate;
  }
  return Number((10 * base).toPrecision(12));
}

export interface ChartScale {
  /** The axis runs from 0 to `max`; both ends are labelled. */
  max: number;
  /** Percentages are drawn on 0–100, so 60 % never fills the track. */
  percent: boolean;
  /** Unit for the axis labels ("ms", "tok/s", "%"), null when none is known. */
  unit: string | null;
}

/** One scale for every bar of a chart: 0–100 for percentages (unless a value exceeds 100), else 0 to a round maximum. */
export function chartScale(highs: readonly number[], percent: boolean, unit: string | null): ChartScale {
  const top = Math.max(0, ...highs);
  const max = percent && top <= 100 ? 100 : niceCeil(top);
  return { max, percent, unit: percent ? '%' : unit };
}

/** An axis end as text: "0", "25,000 tok/s", "100%". */
export function axisLabel(value: number, scale: Pick<ChartScale, 'unit'>): string {
  const number = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (scale.unit === null) return number;
  return scale.unit === '%' ? `${number}%` : `${number} ${scale.unit}`;
}

export interface ChartBar {
  engineId: EngineId;
  raw: string;
  /** The row that states the value; contested charts draw one bar per claim and name each row. */
  source: { kind: 'fact' | 'keyDifference'; label: string };
  /** Start and end of the bar as fractions of the scale (0..1). */
  from: number;
  to: number;
  /** The value is open-ended ("50,000+"). */
  openEnded: boolean;
}

/** A claim of a contested chart that cannot be drawn on its axis, and why. */
export interface ChartLeftOut {
  engineId: EngineId;
  raw: string;
  source: { kind: 'fact' | 'keyDifference'; label: string };
  reason: 'not a number' | 'another unit';
}

export interface ChartRow {
  fact: Fact;
  direction: Direction | null;
  scale: ChartScale;
  /** The row's measure group disagrees: every claim of the group is drawn, not one. */
  contested: boolean;
  bars: ChartBar[];
  leftOut: ChartLeftOut[];
}

interface Candidate {
  engineId: EngineId;
  raw: string;
  parsed: ParsedFigure | null;
  source: ChartBar['source'];
}

/**
 * Facts that can be charted: every engine has a value in the row that reads
 * as a number, in one unit. All bars of a chart share one scale (0 to a round
 * maximum; percentages 0–100); a range is a bar from its low to its high end.
 *
 * A row whose measure group disagrees is drawn from *every* claim of the
 * group, each bar naming its row, so the chart never presents one claim as the
 * value; claims that cannot go on the axis are listed as left out.
 */
export function chartRows(comparison: Comparison, engineIds: readonly EngineId[]): ChartRow[] {
  const rows: ChartRow[] = [];
  for (const fact of comparison.facts) {
    const own = engineIds.map((id) => fact.values[id]?.parsed ?? null);
    if (own.some((p) => p === null)) continue;
    const units = new Set(own.map((p) => p!.unit).filter((u) => u !== null));
    if (units.size > 1) continue;
    const group = disagreementFor(comparison, fact.id);
    const factSource = { kind: 'fact' as const, label: fact.metric };
    const candidates: Candidate[] = group
      ? engineIds.flatMap((id) =>
          (group.perEngine[id]?.claims ?? []).map((c) => ({
            engineId: id,
            raw: c.figure.raw,
            parsed: c.figure.parsed,
            source: { kind: c.kind, label: c.label },
          })),
        )
      : engineIds.map((id) => ({ engineId: id, raw: fact.values[id]!.raw, parsed: fact.values[id]!.parsed, source: factSource }));

    const rowUnit = [...units][0] ?? candidates.find((c) => c.parsed?.unit)?.parsed?.unit ?? null;
    const drawable: Array<Candidate & { parsed: ParsedFigure }> = [];
    const leftOut: ChartLeftOut[] = [];
    for (const candidate of candidates) {
      const { parsed, ...rest } = candidate;
      if (!parsed) leftOut.push({ ...rest, reason: 'not a number' });
      else if (parsed.unit !== null && rowUnit !== null && parsed.unit !== rowUnit) leftOut.push({ ...rest, reason: 'another unit' });
      else drawable.push({ ...candidate, parsed });
    }
    const highs = drawable.map(({ parsed }) => parsed.max ?? parsed.min);
    if (!(Math.max(...highs) > 0)) continue;
    const percent = rowUnit === '%' || fact.unit?.toLowerCase() === 'percent';
    const scale = chartScale(highs, percent, rowUnit ?? fact.unit);
    rows.push({
      fact,
      direction: betterDirection(fact.metric),
      scale,
      contested: group !== undefined,
      bars: drawable.map(({ engineId, raw, parsed, source }) => ({
        engineId,
        raw,
        source,
        from: parsed.max !== null && parsed.max !== parsed.min ? parsed.min / scale.max : 0,
        to: (parsed.max ?? parsed.min) / scale.max,
        openEnded: parsed.max === null,
      })),
      leftOut,
    });
  }
  return rows;
}

// ------------------------------------------------------------ Diff column

/** Middle of a parsed figure: a range's midpoint, a lower bound ("3,200+") as itself. */
const middle = (p: ParsedFigure): number => (p.max === null ? p.min : (p.min + p.max) / 2);

/**
 * What the source's Diff column is relative to, found from its own numbers:
 * on every row where the Diff and both values read as numbers, the Diff is
 * (first − second) / second of the values' middles, within a point of
 * rounding. Returns which engine's figure is compared with which, or null
 * when the rows do not say (then the view must not claim a reference).
 */
export function diffReference(
  facts: readonly Fact[],
  engineIds: readonly EngineId[],
): { subject: EngineId; reference: EngineId; rows: number } | null {
  if (engineIds.length !== 2) return null;
  const checks: Array<{ a: number; b: number; diff: number }> = [];
  for (const fact of facts) {
    const diff = fact.diff?.parsed;
    const a = fact.values[engineIds[0]!]?.parsed;
    const b = fact.values[engineIds[1]!]?.parsed;
    if (!diff || diff.unit !== '%' || diff.max !== diff.min || !a || !b) continue;
    if (a.unit !== null && b.unit !== null && a.unit !== b.unit) continue;
    checks.push({ a: middle(a), b: middle(b), diff: diff.min });
  }
  if (checks.length === 0) return null;
  const fits = (x: 'a' | 'b') =>
    checks.every((c) => {
      const [subject, reference] = x === 'a' ? [c.a, c.b] : [c.b, c.a];
      return reference !== 0 && Math.abs(((subject - reference) / reference) * 100 - c.diff) <= 1;
    });
  if (fits('a')) return { subject: engineIds[0]!, reference: engineIds[1]!, rows: checks.length };
  if (fits('b')) return { subject: engineIds[1]!, reference: engineIds[0]!, rows: checks.length };
  return null;
}
