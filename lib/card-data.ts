/**
 * The hover card's data: a compact selection from one comparison.
 *
 * The content script holds this for every page that has a mention, so it
 * carries only what the card shows. Everything here is *selected* from the
 * dataset, never written: the verdict line is a sentence of the source's own
 * short answer, figures keep their raw text, and a figure whose measure group
 * disagrees carries every claim so the card can never present one of them as
 * the truth.
 *
 * `selectCardData` is pure (dataset in, card data out) so it is table-tested
 * and the worker can compute it once per dataset version.
 */
import { z } from 'zod';
import { CARD_DIFFERENCES_SHOWN, CARD_FIGURE_LIMIT, orderedVerdictLines } from './card-layout';
import { claimLocation, textClaimGroups } from './comparison-view';
import { NOTE_MAX } from './pins';
import { EngineIdSchema } from './schema';
import type { Comparison, Dataset, EngineId, Fact, FactGroup, Figure, MeasureGroup } from './schema';

const text = z.string().trim().min(1);
/** Raw figure text keyed by engine id; a missing key means the source has no value ("—"). */
const perEngineText = z.record(EngineIdSchema, text);

export const CardEngineSchema = z.object({
  id: EngineIdSchema,
  name: text,
  /** The source's score out of 10, null when it gives none. */
  score: z.number().min(0).max(10).nullable(),
});
export type CardEngine = z.infer<typeof CardEngineSchema>;

/** One statement of a value, and the row of the source that makes it. */
export const CardClaimSchema = z.object({
  kind: z.enum(['fact', 'keyDifference']),
  /** The row's label as the source prints it. */
  label: text,
  raw: text,
});
export type CardClaim = z.infer<typeof CardClaimSchema>;

/**
 * Present only when the measure group a row belongs to disagrees: every claim
 * per engine, in source order.
 */
const ClaimsSchema = z.record(EngineIdSchema, z.array(CardClaimSchema)).nullable();

export const CardDifferenceSchema = z.object({
  id: text,
  title: text,
  values: perEngineText,
  /** Engine the source names as the winner; null when it names none. */
  winner: EngineIdSchema.nullable(),
  /** Part of the source's "at a glance" summary. */
  atAGlance: z.boolean(),
  disagree: z.boolean(),
  claims: ClaimsSchema,
});
export type CardDifference = z.infer<typeof CardDifferenceSchema>;

export const CardFigureSchema = z.object({
  /** Id of the fact row the figure comes from. */
  id: text,
  /** The metric label as printed, e.g. "Per-Token Latency (Llama 2 70B)". */
  label: text,
  /** The source's unit label, e.g. "milliseconds"; null when it gives none. */
  unit: z.string().nullable(),
  values: perEngineText,
  disagree: z.boolean(),
  claims: ClaimsSchema,
});
export type CardFigure = z.infer<typeof CardFigureSchema>;

/**
 * A contradiction in words, for the card's warning: what the statements
 * disagree on and each one quoted, with where the source makes it.
 */
export const CardContradictionSchema = z.object({
  id: text,
  title: text,
  claims: z.array(z.object({ quote: text, where: text })).min(2),
});
export type CardContradiction = z.infer<typeof CardContradictionSchema>;

/**
 * A team's own pick and note: the active pin's (lib/pins.ts), which leads the
 * card. Private to the team, so it never travels in the card data: the card
 * shows it in an extension-origin frame (entrypoints/team-pick) that asks the
 * worker for it (`pins/team-pick`), out of reach of the page's scripts.
 */
export const TeamPickSchema = z.object({
  /** The pin's title. */
  title: text,
  /** Who decided; empty when the pin names no team. */
  teamName: z.string().max(80),
  /** The picked engine; null for "undecided". */
  engineId: EngineIdSchema.nullable(),
  note: z.string().max(NOTE_MAX),
});
export type TeamPick = z.infer<typeof TeamPickSchema>;

/** What the card's frame receives: the pick and the compared engines' names. */
export const TeamPickViewSchema = z.object({
  pick: TeamPickSchema,
  engines: z.array(z.object({ id: EngineIdSchema, name: text })).min(2),
});
export type TeamPickView = z.infer<typeof TeamPickViewSchema>;

/**
 * All the card data says about the team's pick: that the card leads with the
 * frame that shows it. Its content is not here (see {@link TeamPickSchema}).
 */
export const TeamPickSlotSchema = z.object({ frame: z.literal(true) });
export type TeamPickSlot = z.infer<typeof TeamPickSlotSchema>;

export const CardProvenanceSchema = z.object({
  sourceTitle: text,
  /** https only (the dataset schema enforces it); null when the source has no public address. */
  sourceUrl: z.url({ protocol: /^https$/ }).nullable(),
  lastUpdatedLabel: text,
  publishedLabel: text,
  aiGenerated: z.boolean(),
});
export type CardProvenance = z.infer<typeof CardProvenanceSchema>;

export const CardDataSchema = z.object({
  comparisonId: text,
  datasetVersion: text,
  /** The two engines compared, in the comparison's display order. */
  engines: z.tuple([CardEngineSchema, CardEngineSchema]),
  verdict: z.object({
    /** One sentence selected verbatim from the source's verdict or short answer (see `selectVerdictLine`). */
    line: text,
    /** The source's label for its verdict ("AI-assisted"), if any. */
    label: z.string().nullable(),
    /**
     * Each engine's half of the verdict, verbatim ("Choose TensorRT-LLM if …"),
     * so the card can show both with the hovered engine's first. Absent (or
     * missing an engine) when the verdict has no sentence naming that engine
     * alone; the card then shows `line`.
     */
    byEngine: perEngineText.optional(),
  }),
  /** Every key difference, "at a glance" ones first; the card shows the first {@link CARD_DIFFERENCES_SHOWN}. */
  differences: z.array(CardDifferenceSchema),
  /** Up to {@link CARD_FIGURE_LIMIT} figures with a value for both engines. */
  figures: z.array(CardFigureSchema).max(4),
  provenance: CardProvenanceSchema,
  /** Set while a pin is active: the card leads with the team-pick frame. */
  teamPick: TeamPickSlotSchema.nullable(),
  /** The source's contradictions in words, for the card's warning; absent or empty when it has none. */
  contradictions: z.array(CardContradictionSchema).optional(),
});
export type CardData = z.infer<typeof CardDataSchema>;

export { CARD_DIFFERENCES_SHOWN, CARD_FIGURE_LIMIT, orderedVerdictLines };

/**
 * Topic groups in the order a reader choosing an engine cares about them, and
 * how many figures each may contribute. Performance gets two (latency and
 * throughput answer different questions); the others one each, so the card
 * shows a spread rather than four throughput rows.
 */
export const CARD_FIGURE_PRIORITY: ReadonlyArray<readonly [FactGroup, number]> = [
  ['performance', 2],
  ['setup', 1],
  ['community', 1],
  ['memory', 1],
  ['models', 1],
  ['cost', 1],
  ['hardware', 1],
  ['operations', 1],
];

/**
 * Splits a paragraph into sentences: each ends at ".", "!" or "?" followed by
 * whitespace and a capital letter (or the end). Decimal points ("8.6") and
 * abbreviations followed by lowercase ("e.g. this") do not end a sentence.
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  const sentences: string[] = [];
  let start = 0;
  for (const stop of text.matchAll(/[.!?](?=\s+["“'(]?[A-Z])/g)) {
    const end = stop.index + 1;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim(); // the last sentence, with or without its stop
  if (rest) sentences.push(rest);
  return sentences;
}

/** The first sentence of `paragraph` (the whole text when it has no sentence stop). */
export function firstSentence(paragraph: string): string {
  return splitSentences(paragraph)[0] ?? paragraph.trim();
}

/**
 * The card's one-line verdict, selected verbatim: the source's verdict
 * sentence for the higher-scored engine ("Choose vLLM if …"), which says both
 * who leads and when to pick it. Falls back to the first sentence of the short
 * answer when the scores tie or no verdict sentence names the leader alone.
 */
export function selectVerdictLine(comparison: Comparison, engines: readonly [CardEngine, CardEngine]): string {
  const [a, b] = engines;
  if (a.score !== null && b.score !== null && a.score !== b.score) {
    const [leader, other] = a.score > b.score ? [a, b] : [b, a];
    const line = splitSentences(comparison.verdict.text).find(
      (sentence) => sentence.includes(leader.name) && !sentence.includes(other.name),
    );
    if (line) return line;
  }
  return firstSentence(comparison.shortAnswer);
}

/**
 * The engine a sentence is about: the one engine of `engines` it names, or
 * null when it names none or several.
 */
export function engineNamedIn(sentence: string, engines: readonly Pick<CardEngine, 'id' | 'name'>[]): EngineId | null {
  const named = engines.filter((engine) => sentence.includes(engine.name));
  return named.length === 1 ? named[0]!.id : null;
}

/**
 * The verdict's sentences verbatim, each with the one engine it names (the
 * source's verdict is "Choose vLLM if …. Choose TensorRT-LLM if …."), so both
 * halves can be shown, in whichever order the reader needs.
 */
export function verdictSentences(
  verdictText: string,
  engines: readonly Pick<CardEngine, 'id' | 'name'>[],
): Array<{ text: string; engineId: EngineId | null }> {
  return splitSentences(verdictText).map((text) => ({ text, engineId: engineNamedIn(text, engines) }));
}

function claimsOf(group: MeasureGroup | undefined, engineIds: readonly EngineId[]): CardDifference['claims'] {
  if (!group?.disagree) return null;
  const claims: Record<EngineId, CardClaim[]> = {};
  for (const id of engineIds) {
    const entry = group.perEngine[id];
    if (!entry) continue;
    claims[id] = entry.claims.map((c) => ({ kind: c.kind, label: c.label, raw: c.figure.raw }));
  }
  return claims;
}

function rawValues(values: Record<EngineId, Figure>, engineIds: readonly EngineId[]): Record<EngineId, string> {
  const out: Record<EngineId, string> = {};
  for (const id of engineIds) {
    const figure = values[id];
    if (figure) out[id] = figure.raw;
  }
  return out;
}

/** A fact is a card figure when every compared engine has a value and each value reads as a number. */
function isSideBySideFigure(fact: Fact, engineIds: readonly EngineId[]): boolean {
  return engineIds.every((id) => fact.values[id]?.parsed != null);
}

/** Picks the card's figures: numeric for both engines, one per measure, by {@link CARD_FIGURE_PRIORITY}. */
function selectFigures(comparison: Comparison, engineIds: readonly EngineId[]): Fact[] {
  const candidates = comparison.facts.filter((fact) => isSideBySideFigure(fact, engineIds));
  const picked: Fact[] = [];
  const measures = new Set<string>();
  for (const [group, quota] of CARD_FIGURE_PRIORITY) {
    let taken = 0;
    for (const fact of candidates) {
      if (picked.length === CARD_FIGURE_LIMIT || taken === quota) break;
      if (fact.group !== group) continue;
      // Two rows of one measure would show the same thing twice (e.g. two star counts).
      if (fact.measure && measures.has(fact.measure)) continue;
      picked.push(fact);
      taken += 1;
      if (fact.measure) measures.add(fact.measure);
    }
  }
  return picked;
}

function groupOf(comparison: Comparison, sourceId: string): MeasureGroup | undefined {
  return comparison.measureGroups.find((g) => g.sourceIds.includes(sourceId));
}

/**
 * Selects the hover card's data for one comparison of `dataset`.
 * @throws Error when the comparison, or one of its first two engines, is not in the dataset.
 */
export function selectCardData(dataset: Dataset, comparisonId: string): CardData {
  const comparison = dataset.comparisons.find((c) => c.id === comparisonId);
  if (!comparison) throw new Error(`No comparison "${comparisonId}" in dataset ${dataset.version}.`);

  const [first, second] = comparison.engines.slice(0, 2).map((id): CardEngine => {
    const engine = dataset.engines.find((e) => e.id === id);
    if (!engine) throw new Error(`Comparison "${comparisonId}" names unknown engine "${id}".`);
    return { id, name: engine.name, score: comparison.verdict.scores[id] ?? null };
  });
  if (!first || !second) throw new Error(`Comparison "${comparisonId}" compares fewer than two engines.`);
  const engineIds = [first.id, second.id];

  // "At a glance" first (the source's own choice of what matters most), then the rest; both in source order.
  const ordered = [
    ...comparison.keyDifferences.filter((d) => d.atAGlance),
    ...comparison.keyDifferences.filter((d) => !d.atAGlance),
  ];
  const differences = ordered.map((d): CardDifference => {
    const group = groupOf(comparison, d.id);
    return {
      id: d.id,
      title: d.title,
      values: rawValues(d.values, engineIds),
      winner: d.winner,
      atAGlance: d.atAGlance,
      disagree: group?.disagree ?? false,
      claims: claimsOf(group, engineIds),
    };
  });

  const figures = selectFigures(comparison, engineIds).map((fact): CardFigure => {
    const group = groupOf(comparison, fact.id);
    return {
      id: fact.id,
      label: fact.metric,
      unit: fact.unit,
      values: rawValues(fact.values, engineIds),
      disagree: group?.disagree ?? false,
      claims: claimsOf(group, engineIds),
    };
  });

  const byEngine: Record<EngineId, string> = {};
  for (const { text: sentence, engineId } of verdictSentences(comparison.verdict.text, [first, second])) {
    if (engineId && !byEngine[engineId]) byEngine[engineId] = sentence;
  }
  const engineNames = [first, second].map(({ id, name }) => ({ id, name }));
  const contradictions = textClaimGroups(comparison).map(
    (group): CardContradiction => ({
      id: group.id,
      title: group.title,
      claims: group.claims.map((claim) => ({ quote: claim.quote, where: claimLocation(claim, comparison, engineNames) })),
    }),
  );

  const p = comparison.provenance;
  return {
    comparisonId: comparison.id,
    datasetVersion: dataset.version,
    engines: [first, second],
    verdict: { line: selectVerdictLine(comparison, [first, second]), label: p.verdictLabel ?? null, byEngine },
    differences,
    figures,
    provenance: {
      sourceTitle: p.sourceTitle,
      sourceUrl: p.sourceUrl ?? null,
      lastUpdatedLabel: p.lastUpdatedLabel,
      publishedLabel: p.publishedLabel,
      aiGenerated: p.aiGenerated,
    },
    teamPick: null,
    contradictions,
  };
}
