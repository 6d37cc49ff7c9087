/**
 * Turns the hand-written source dataset (assets/data/*.json) into the
 * normalized dataset the worker stores and serves: every figure gets its parsed
 * form and the groups of rows measuring the same thing are computed.
 *
 * `loadSourceDataset` is the one entry point for untrusted or hand-edited JSON
 * (the build runs it on every bundled file, see wxt.config.ts); it throws an
 * Error that says what is wrong, never returns a half-valid dataset.
 */
import { parseFigure } from './figure';
import { groupMeasures } from './measure-groups';
import {
  DATASET_SCHEMA_VERSION,
  DatasetSchema,
  describeZodError,
  SourceDatasetSchema,
  type Dataset,
  type Figure,
  type SourceDataset,
} from './schema';

/** Keeps the raw text and adds its parsed reading (null when unreadable). */
const toFigure = (raw: string): Figure => ({ raw, parsed: parseFigure(raw) });

const mapValues = <T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));

/**
 * Source form → normalized form. Pure; assumes the input already passed
 * `SourceDatasetSchema` (use `loadSourceDataset` for unchecked JSON).
 */
export function normalizeDataset(source: SourceDataset): Dataset {
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    version: source.version,
    engines: source.engines,
    comparisons: source.comparisons.map((comparison) => {
      const facts = comparison.facts.map(({ diff, ...fact }) => ({
        ...fact,
        values: mapValues(fact.values, toFigure),
        ...(diff === undefined ? {} : { diff: toFigure(diff) }),
      }));
      const keyDifferences = comparison.keyDifferences.map((difference) => ({
        ...difference,
        values: mapValues(difference.values, toFigure),
      }));
      return {
        ...comparison,
        facts,
        keyDifferences,
        measureGroups: groupMeasures(comparison.engines, facts, keyDifferences),
      };
    }),
  };
}

/** A dash alone: the source's mark for "no value". */
const NO_VALUE = /^\s*[—–-]\s*$/;

/** The parts of a dataset integrity checks need; both forms have them. */
type IdShape = Pick<SourceDataset, 'engines'> & {
  comparisons: ReadonlyArray<
    Pick<
      SourceDataset['comparisons'][number],
      'id' | 'engines' | 'shortAnswer' | 'verdict' | 'chooseIf' | 'pros' | 'cons' | 'faq' | 'textClaimGroups'
    > & {
      facts: ReadonlyArray<{
        id: string;
        metric: string;
        unit: string | null;
        values: Record<string, unknown>;
        diff?: unknown;
        sections: readonly string[];
      }>;
      keyDifferences: ReadonlyArray<{ id: string; title: string; values: Record<string, unknown>; winner: string | null }>;
    }
  >;
};

/** The raw text of a source value (a string) or of a normalized figure ({ raw }). */
function rawText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'raw' in value && typeof value.raw === 'string') return value.raw;
  return null;
}

/** Numbers as written ("20-30%" → "20", "30"; "1,500+" → "1,500"), to compare notes with quotes. */
export function numbersIn(text: string): string[] {
  return text.match(/\d+(?:[.,]\d+)*/g) ?? [];
}

/**
 * Textual claims quote the source: each quote must occur verbatim in the
 * place its claim names, and a group's note may not bring in a number that
 * none of its quotes contains. Returns problems, empty when sound.
 *
 * A transcription check, run on hand-written source JSON (the build) only:
 * a stored dataset whose texts were changed later (a feed, a test editing
 * IndexedDB) keeps its claims as data and is not refused for it.
 */
export function textClaimProblems(dataset: Pick<IdShape, 'comparisons'>): string[] {
  return dataset.comparisons.flatMap(comparisonTextClaimProblems);
}

function comparisonTextClaimProblems(c: IdShape['comparisons'][number]): string[] {
  const problems: string[] = [];
  const where = `comparison "${c.id}"`;
  const compared = new Set(c.engines);
  const groups = c.textClaimGroups ?? [];
  const seenGroups = new Set<string>();
  const seenClaims = new Set<string>();
  for (const group of groups) {
    if (seenGroups.has(group.id)) problems.push(`${where}: duplicate text claim group "${group.id}"`);
    seenGroups.add(group.id);
    for (const claim of group.claims) {
      const at = `${where}: text claim "${claim.id}"`;
      if (seenClaims.has(claim.id)) problems.push(`${where}: duplicate text claim id "${claim.id}"`);
      seenClaims.add(claim.id);
      if (claim.engine !== undefined && !compared.has(claim.engine)) {
        problems.push(`${at} names engine "${claim.engine}", which the comparison does not compare`);
        continue;
      }
      const texts = placeTexts(c, claim);
      if (typeof texts === 'string') {
        problems.push(`${at}: ${texts}`);
        continue;
      }
      if (!texts.some((text) => text.includes(claim.quote))) {
        problems.push(`${at}: "${claim.quote}" is not verbatim in its ${claim.section}`);
      }
    }
    if (group.note) {
      const quoted = new Set(group.claims.flatMap((claim) => numbersIn(claim.quote)));
      for (const number of numbersIn(group.note)) {
        if (!quoted.has(number)) problems.push(`${where}: text claim group "${group.id}" note has ${number}, which no quote of the group contains`);
      }
    }
  }
  return problems;
}

/** The source texts a claim may quote from, or why it names no valid place. */
function placeTexts(
  c: IdShape['comparisons'][number],
  claim: NonNullable<IdShape['comparisons'][number]['textClaimGroups']>[number]['claims'][number],
): string[] | string {
  const rowSection = claim.section === 'keyDifferences' || claim.section === 'keyFacts' || claim.section === 'fullComparison';
  if (rowSection && claim.rowId === undefined) return `section ${claim.section} needs a rowId`;
  if (!rowSection && claim.rowId !== undefined) return `section ${claim.section} has no rows (rowId "${claim.rowId}")`;
  const engineList = (record: Record<string, unknown>) => {
    if (claim.engine === undefined) return `section ${claim.section} needs an engine`;
    const value = record[claim.engine];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [rawText(value) ?? ''];
  };
  const sharedSection = claim.section === 'shortAnswer' || claim.section === 'verdict' || claim.section === 'faq';
  if (sharedSection && claim.engine !== undefined) return `section ${claim.section} belongs to no engine ("${claim.engine}")`;
  switch (claim.section) {
    case 'shortAnswer':
      return [c.shortAnswer];
    case 'verdict':
      return [c.verdict.text];
    case 'faq':
      return c.faq.flatMap((entry) => [entry.question ?? '', entry.answer]);
    case 'chooseIf':
      return engineList(c.chooseIf);
    case 'pros':
      return engineList(c.pros);
    case 'cons':
      return engineList(c.cons);
    case 'keyDifferences': {
      const row = c.keyDifferences.find((k) => k.id === claim.rowId);
      if (!row) return `no key difference "${claim.rowId}"`;
      const values = claim.engine === undefined ? Object.values(row.values) : [row.values[claim.engine]];
      return [...(claim.engine === undefined ? [row.title] : []), ...values.map((v) => rawText(v) ?? '')];
    }
    case 'keyFacts':
    case 'fullComparison': {
      const row = c.facts.find((f) => f.id === claim.rowId);
      if (!row) return `no fact "${claim.rowId}"`;
      if (!row.sections.includes(claim.section)) return `fact "${claim.rowId}" is not in section ${claim.section}`;
      if (claim.engine !== undefined) return [rawText(row.values[claim.engine]) ?? ''];
      return [row.metric, row.unit ?? '', ...Object.values(row.values).map((v) => rawText(v) ?? ''), rawText(row.diff) ?? ''];
    }
  }
}

/**
 * Cross-references zod cannot express: ids are unique and every engine id a
 * comparison uses is an engine it compares. Returns problems, empty when sound.
 */
export function integrityProblems(dataset: IdShape): string[] {
  const problems: string[] = [];
  const duplicates = (ids: readonly string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];

  const engineIds = new Set(dataset.engines.map((e) => e.id));
  for (const id of duplicates(dataset.engines.map((e) => e.id))) problems.push(`duplicate engine id "${id}"`);
  for (const id of duplicates(dataset.comparisons.map((c) => c.id))) problems.push(`duplicate comparison id "${id}"`);

  for (const c of dataset.comparisons) {
    const where = `comparison "${c.id}"`;
    for (const id of duplicates(c.engines)) problems.push(`${where}: engine "${id}" listed twice`);
    for (const id of c.engines) {
      if (!engineIds.has(id)) problems.push(`${where}: compares unknown engine "${id}"`);
    }
    const compared = new Set(c.engines);
    const checkKeys = (label: string, record: Record<string, unknown>) => {
      for (const [id, value] of Object.entries(record)) {
        if (!compared.has(id)) problems.push(`${where}: ${label} names engine "${id}", which the comparison does not compare`);
        // The source prints "—" for "no value"; that is written as a missing key, never as text.
        const raw = typeof value === 'object' && value !== null && 'raw' in value ? value.raw : value;
        if (typeof raw === 'string' && NO_VALUE.test(raw)) {
          problems.push(`${where}: ${label} gives "${raw}" for "${id}"; omit the key when there is no value`);
        }
      }
    };
    checkKeys('verdict.scores', c.verdict.scores);
    checkKeys('chooseIf', c.chooseIf);
    checkKeys('pros', c.pros);
    checkKeys('cons', c.cons);

    const rowIds = [...c.facts.map((f) => f.id), ...c.keyDifferences.map((k) => k.id)];
    // Claims in measure groups point at rows by id, so ids are unique across both lists.
    for (const id of duplicates(rowIds)) problems.push(`${where}: duplicate fact/key-difference id "${id}"`);
    for (const fact of c.facts) {
      checkKeys(`fact "${fact.id}"`, fact.values);
      if (Object.keys(fact.values).length === 0) problems.push(`${where}: fact "${fact.id}" has no value for any engine`);
      for (const s of duplicates(fact.sections)) problems.push(`${where}: fact "${fact.id}" lists section "${s}" twice`);
    }
    for (const difference of c.keyDifferences) {
      checkKeys(`key difference "${difference.id}"`, difference.values);
      if (Object.keys(difference.values).length === 0) {
        problems.push(`${where}: key difference "${difference.id}" has no value for any engine`);
      }
      if (difference.winner !== null && !compared.has(difference.winner)) {
        problems.push(`${where}: key difference "${difference.id}" names unknown winner "${difference.winner}"`);
      }
    }
  }
  return problems;
}

function assertIntegrity(dataset: IdShape, what: string): void {
  const problems = integrityProblems(dataset);
  if (problems.length > 0) throw new Error(`${what} is inconsistent: ${problems.join('; ')}`);
}

/**
 * Validates hand-written JSON (shape, then cross-references), normalizes it,
 * and validates the result. Throws an Error naming the first problems found.
 */
export function loadSourceDataset(json: unknown): Dataset {
  const source = SourceDatasetSchema.safeParse(json);
  if (!source.success) throw new Error(`Invalid source dataset: ${describeZodError(source.error)}`);
  assertIntegrity(source.data, 'Source dataset');
  const quotes = textClaimProblems(source.data);
  if (quotes.length > 0) throw new Error(`Source dataset misquotes its source: ${quotes.join('; ')}`);
  const normalized = DatasetSchema.safeParse(normalizeDataset(source.data));
  if (!normalized.success) {
    throw new Error(`Normalized dataset is invalid (a bug in lib/normalize.ts): ${describeZodError(normalized.error)}`);
  }
  return normalized.data;
}

/**
 * A normalized dataset that is also sound: `DatasetSchema` plus the
 * cross-references of {@link integrityProblems}. This is what crosses every
 * trust boundary (IndexedDB rows read back, the worker's replies, feeds).
 */
export const ValidDatasetSchema = DatasetSchema.superRefine((dataset, ctx) => {
  for (const problem of integrityProblems(dataset)) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Validates an already normalized dataset, e.g. one read back from IndexedDB
 * or received from a feed: shape (including `schemaVersion`) and
 * cross-references. Throws an Error on anything invalid.
 */
export function parseDataset(json: unknown): Dataset {
  const result = ValidDatasetSchema.safeParse(json);
  if (!result.success) throw new Error(`Invalid dataset: ${describeZodError(result.error)}`);
  return result.data;
}
