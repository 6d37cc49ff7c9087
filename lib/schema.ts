/**
 * The comparison data model. Every type Engine Lens passes around comes from a
 * zod schema here, so the same definition validates the bundled JSON at build
 * time, rows read back from IndexedDB, and data arriving from a feed.
 *
 * Two shapes exist:
 * - the *source* dataset (`SourceDatasetSchema`): what a human transcribes into
 *   `assets/data/*.json`. Figures are plain strings exactly as the seed prints them.
 * - the *normalized* dataset (`DatasetSchema`): what the worker stores and serves.
 *   Every figure carries its raw text and its parsed form, and the groups of rows
 *   that measure the same thing are computed (see lib/normalize.ts).
 */
import { z } from 'zod';

// Extension pages and workers forbid eval under their CSP; tell zod not to
// probe `new Function` for its JIT (the probe would log CSP violations).
z.config({ jitless: true });

/** Bumped whenever the normalized dataset shape changes; stored rows of another version are repaired. */
export const DATASET_SCHEMA_VERSION = 1;

export const EngineIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'engine ids are lowercase slugs');
export type EngineId = z.infer<typeof EngineIdSchema>;

const nonEmpty = z.string().trim().min(1);

export const EngineSchema = z.object({
  id: EngineIdSchema,
  /** Display name, e.g. "TensorRT-LLM". */
  name: nonEmpty,
  /** Other spellings users write (informational; detection has its own tested rules). */
  aliases: z.array(nonEmpty).default([]),
  /** One-line description as the source gives it. */
  tagline: nonEmpty,
  /** "Best for" audience line as the source gives it. */
  audience: nonEmpty,
  homepage: z.url({ protocol: /^https$/ }).optional(),
});
export type Engine = z.infer<typeof EngineSchema>;

/** A number-ish reading of a figure's raw text. Null when the text cannot be parsed. */
export const ParsedFigureSchema = z
  .object({
    min: z.number().finite(),
    /** Equal to min for a single value; null for open-ended "50,000+". */
    max: z.number().finite().nullable(),
    /**
     * Unit written in the text, in one canonical spelling ("ms", "GB", "%", "x", "USD"; "tokens/sec" → "tok/s",
     * "GitHub stars" → "stars"; see lib/figure.ts), null if none.
     */
    unit: z.string().nullable(),
    /** "~" or "about". */
    approximate: z.boolean(),
    /** Trailing "+": the value is a lower bound. */
    atLeast: z.boolean(),
    /** Qualifier text after the number, e.g. "with PagedAttention". */
    qualifier: z.string().nullable(),
  })
  .refine((p) => p.max === null || p.max >= p.min, { message: 'max must be >= min' });
export type ParsedFigure = z.infer<typeof ParsedFigureSchema>;

export const FigureSchema = z.object({
  /** Exactly as the source prints it. Never rewritten. */
  raw: nonEmpty,
  parsed: ParsedFigureSchema.nullable(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** Where in the source page a row appears. */
export const SectionSchema = z.enum(['keyFacts', 'fullComparison']);
export type Section = z.infer<typeof SectionSchema>;

/** Topic groups used to lay the facts table out; order here is display order. */
export const FactGroupSchema = z.enum([
  'performance',
  'memory',
  'setup',
  'models',
  'hardware',
  'community',
  'cost',
  'operations',
]);
export type FactGroup = z.infer<typeof FactGroupSchema>;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase slugs');

/** Which comparison of a dataset a request or a pin means. */
export const ComparisonIdSchema = slug.max(100);
export type ComparisonId = z.infer<typeof ComparisonIdSchema>;

/** Values keyed by engine id; a missing key means the source gives no value ("—"). */
const perEngine = <T extends z.ZodType>(value: T) => z.record(EngineIdSchema, value);

// ---------------------------------------------------------------- source form

export const SourceFactSchema = z.object({
  id: slug,
  /** Metric label exactly as the source prints it. */
  metric: nonEmpty,
  /** Unit label from the source's parentheses, e.g. "milliseconds"; null when none is given. */
  unit: z.string().nullable(),
  group: FactGroupSchema,
  /**
   * Rows that measure the same thing share a `measure` key (e.g. "github-stars").
   * Grouping is how contradictions become visible; rows without one stand alone.
   */
  measure: slug.optional(),
  values: perEngine(nonEmpty),
  /** The source's "Diff" column, raw. */
  diff: nonEmpty.optional(),
  sections: z.array(SectionSchema).min(1),
});

export const SourceKeyDifferenceSchema = z.object({
  id: slug,
  title: nonEmpty,
  values: perEngine(nonEmpty),
  /** Engine the source awards the trophy to; null if none. */
  winner: EngineIdSchema.nullable(),
  /** Shown in the source's "at a glance" summary (the first three). */
  atAGlance: z.boolean(),
  measure: slug.optional(),
});

export const FaqSchema = z.object({
  /** The source shows some answers without their question; never invent one. */
  question: nonEmpty.nullable(),
  answer: nonEmpty,
});
export type Faq = z.infer<typeof FaqSchema>;

export const ProvenanceSchema = z.object({
  /** Title of the page the data was transcribed from. */
  sourceTitle: nonEmpty,
  /** Where the source can be read, if it has a public address. */
  sourceUrl: z.url({ protocol: /^https$/ }).optional(),
  /** The page's own "Last updated" label, verbatim ("Jun 2026"). */
  lastUpdatedLabel: nonEmpty,
  /** The page's footer date, verbatim ("June 24, 2026"). */
  publishedLabel: nonEmpty,
  /** ISO date of the footer, for sorting and display. */
  publishedDate: z.iso.date(),
  /** The page labels itself AI-generated. */
  aiGenerated: z.boolean(),
  /** The verdict's own label ("AI-assisted"). */
  verdictLabel: nonEmpty.optional(),
  /** The page's own claim about its figures, verbatim. */
  sourcingNote: nonEmpty.optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * Where in the source page a statement is made. The row sections ("keyDifferences",
 * "keyFacts", "fullComparison") need the row's id; the engine lists ("pros", "cons",
 * "chooseIf") need the engine.
 */
export const StatementSectionSchema = z.enum([
  'shortAnswer',
  'verdict',
  'chooseIf',
  'keyDifferences',
  'keyFacts',
  'fullComparison',
  'pros',
  'cons',
  'faq',
]);
export type StatementSection = z.infer<typeof StatementSectionSchema>;

/**
 * One statement in words, quoted verbatim from the source, and where it is
 * made. The build checks that the quote occurs there (lib/normalize.ts), so a
 * textual claim can never carry words or numbers the source does not print.
 */
export const TextClaimSchema = z.object({
  id: slug,
  quote: nonEmpty,
  section: StatementSectionSchema,
  /** The engine whose pros, cons, "choose if" or row value holds the quote. */
  engine: EngineIdSchema.optional(),
  /** The key difference or fact row that holds the quote (row sections only). */
  rowId: slug.optional(),
});
export type TextClaim = z.infer<typeof TextClaimSchema>;

/**
 * Statements in words that contradict each other: the textual counterpart of
 * a disagreeing measure group (the source says "faster" in one place and
 * "slower" in another). Every group is a disagreement; it is recorded because
 * it is one.
 */
export const TextClaimGroupSchema = z.object({
  id: slug,
  /** What the statements disagree on, e.g. "Which engine is faster". */
  title: nonEmpty,
  /**
   * Why they contradict each other. Written by the transcriber, so the build
   * refuses any number in it that none of the group's quotes contains.
   */
  note: nonEmpty.optional(),
  claims: z.array(TextClaimSchema).min(2),
});
export type TextClaimGroup = z.infer<typeof TextClaimGroupSchema>;

const comparisonCommon = {
  id: slug,
  title: nonEmpty,
  /** Ids of the engines compared, in display order. */
  engines: z.array(EngineIdSchema).min(2),
  provenance: ProvenanceSchema,
  shortAnswer: nonEmpty,
  verdict: z.object({
    text: nonEmpty,
    scores: perEngine(z.number().min(0).max(10)),
  }),
  chooseIf: perEngine(nonEmpty),
  pros: perEngine(z.array(nonEmpty)),
  cons: perEngine(z.array(nonEmpty)),
  faq: z.array(FaqSchema),
  /**
   * Contradictions in words. Optional, so a dataset stored (or a fixture
   * written) before they were recorded still parses: absent means none.
   */
  textClaimGroups: z.array(TextClaimGroupSchema).optional(),
};

export const SourceComparisonSchema = z.object({
  ...comparisonCommon,
  keyDifferences: z.array(SourceKeyDifferenceSchema),
  facts: z.array(SourceFactSchema),
});

/**
 * Version of the published (source) dataset format: what assets/data holds
 * and what a dataset feed serves (assets/schema/dataset.schema.json documents
 * it). A feed with a newer format is refused with a message to update.
 */
export const SOURCE_FORMAT_VERSION = 1;

export const SourceDatasetSchema = z.object({
  /** The format this file is written in; absent means 1. */
  formatVersion: z.literal(SOURCE_FORMAT_VERSION).optional(),
  /** Dataset content version; a feed uses it to tell what is newer. */
  version: nonEmpty,
  engines: z.array(EngineSchema).min(2),
  comparisons: z.array(SourceComparisonSchema).min(1),
});
export type SourceDataset = z.infer<typeof SourceDatasetSchema>;
export type SourceComparison = z.infer<typeof SourceComparisonSchema>;
export type SourceFact = z.infer<typeof SourceFactSchema>;

// ------------------------------------------------------------ normalized form

export const FactSchema = SourceFactSchema.extend({
  values: perEngine(FigureSchema),
  diff: FigureSchema.optional(),
});
export type Fact = z.infer<typeof FactSchema>;

export const KeyDifferenceSchema = SourceKeyDifferenceSchema.extend({
  values: perEngine(FigureSchema),
});
export type KeyDifference = z.infer<typeof KeyDifferenceSchema>;

/** One statement of a measure's value for one engine, and where the source makes it. */
export const ClaimSchema = z.object({
  /** Id of the fact row or key difference that makes the claim. */
  sourceId: slug,
  kind: z.enum(['fact', 'keyDifference']),
  /** The row's label as printed. */
  label: nonEmpty,
  figure: FigureSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;

/** Span of an engine's parsed claims for one measure (see `spanOf` in lib/measure-groups.ts). */
export const RangeSchema = z.object({
  min: z.number(),
  /** Null when any claim is open-ended ("50,000+"): it allows values above every closed claim. */
  max: z.number().nullable(),
});
export type Range = z.infer<typeof RangeSchema>;

/**
 * Rows that measure the same thing, with each engine's claims. `disagree` is
 * true when any engine has two claims that state different values: the UI must
 * then show every claim and never present one as the truth.
 */
export const MeasureGroupSchema = z.object({
  measure: slug,
  /** Rows (fact ids and key-difference ids) in the group, in source order. */
  sourceIds: z.array(slug).min(1),
  perEngine: perEngine(
    z.object({
      claims: z.array(ClaimSchema).min(1),
      /** Span of the parsed claims; null when none could be parsed. */
      range: RangeSchema.nullable(),
      disagree: z.boolean(),
    }),
  ),
  disagree: z.boolean(),
});
export type MeasureGroup = z.infer<typeof MeasureGroupSchema>;

export const ComparisonSchema = z.object({
  ...comparisonCommon,
  keyDifferences: z.array(KeyDifferenceSchema),
  facts: z.array(FactSchema),
  measureGroups: z.array(MeasureGroupSchema),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

export const DatasetSchema = z.object({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  version: nonEmpty,
  engines: z.array(EngineSchema).min(2),
  comparisons: z.array(ComparisonSchema).min(1),
});
export type Dataset = z.infer<typeof DatasetSchema>;

/** Longest piece of an error description: errors go into replies and logs, never whole inputs. */
const ERROR_PART_MAX = 160;

/** `text` cut to `max` characters, marked with "…" where cut. */
export function clip(text: string, max = ERROR_PART_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Human-readable one-line summary of a zod error, for error replies and logs.
 * Bounded (at most five issues, each clipped), so an oversized or hostile
 * input is never echoed back.
 */
export function describeZodError(error: z.ZodError): string {
  const issues = error.issues
    .slice(0, 5)
    .map((issue) => clip(`${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`));
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
  return issues.join('; ') + more;
}
