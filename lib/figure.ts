/**
 * Reads a figure's raw text ("~8,000-12,000", "50,000+", "$0.12", "-33%") into
 * numbers so figures can be charted and compared.
 *
 * The rule is: read only what is unambiguous, never guess. A figure must start
 * with its number; text that starts with words ("Unlimited (HuggingFace)",
 * "Community-dependent (typically 99.0%+)"), lists ("NVIDIA, AMD, Intel, CPU
 * (4 platforms)"), or a number followed by something that could be a second
 * value for the same thing ("3 or 4 GB", "50 ms, 60 ms") returns null and stays
 * text. Pure: no I/O, no globals.
 */
import type { ParsedFigure } from './schema';

/**
 * Units the parser recognises, each mapped to one canonical spelling so that
 * "12,500 tokens/sec" and "~1200 tok/s" compare as the same unit. Longer
 * spellings come first so "tokens/second" wins over "tokens/sec".
 */
const UNIT_ALIASES: ReadonlyArray<readonly [alias: string, canonical: string]> = [
  ['tokens/second', 'tok/s'],
  ['tokens/sec', 'tok/s'],
  ['tokens/s', 'tok/s'],
  ['tok/s', 'tok/s'],
  ['milliseconds', 'ms'],
  ['ms', 'ms'],
  ['seconds', 's'],
  ['minutes', 'minutes'],
  ['minute', 'minutes'],
  ['min', 'minutes'],
  ['hours', 'hours'],
  ['days', 'days'],
  ['GB', 'GB'],
  ['MB', 'MB'],
  ['TB', 'TB'],
  ['GitHub stars', 'stars'],
  ['stars', 'stars'],
  ['models', 'models'],
  ['organizations', 'organizations'],
  ['contributors', 'contributors'],
  ['USD', 'USD'],
  ['%', '%'],
  ['x', 'x'],
  ['×', 'x'],
];

/** "50,000" (groups of exactly three digits) or "1200" / "8.2". */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?`;

/**
 * sign? approx? $? number (- $? number)? +?  then the rest.
 * The sign is only for diffs like "-33%" / "+57%".
 */
const HEAD = new RegExp(
  String.raw`^(?<sign>[+-])?(?<approx>~|≈|about\s+|approx\.?\s+|approximately\s+)?(?<usd>\$)?` +
    String.raw`(?<min>${NUMBER})(?:\s*[-–]\s*\$?(?<max>${NUMBER}))?(?<plus>\+)?`,
  'i',
);

const toNumber = (text: string): number => Number(text.replaceAll(',', ''));

/** Matches a unit at the start of `text` (after optional spaces), followed by a boundary. */
function readUnit(text: string): { unit: string; rest: string } | null {
  const trimmed = text.replace(/^\s+/, '');
  for (const [alias, canonical] of UNIT_ALIASES) {
    if (trimmed.slice(0, alias.length).toLowerCase() !== alias.toLowerCase()) continue;
    const after = trimmed.slice(alias.length);
    // A unit must end at a word boundary: "4x larger" yes, "5 xylophones" no.
    if (after === '' || /^[\s,;)(+]/.test(after)) return { unit: canonical, rest: after };
  }
  return null;
}

/** Returns the inside of a rest that is exactly one parenthesised note, else null. */
function wholeParenthetical(rest: string): string | null {
  if (!rest.startsWith('(') || !rest.endsWith(')')) return null;
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '(') depth++;
    else if (rest[i] === ')') depth--;
    // The first "(" closes before the end: "(a) b (c)" is not one note.
    if (depth === 0 && i < rest.length - 1) return null;
  }
  return depth === 0 ? rest.slice(1, -1).trim() : null;
}

/** Text outside any parentheses ("open models (Llama, …)" → "open models "). */
const outsideParentheses = (text: string): string => {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
};

/**
 * Parses a figure's raw text. Returns null when the text does not start with a
 * number or could be read more than one way.
 *
 * @example parseFigure('~8,000-12,000')  // { min: 8000, max: 12000, approximate: true, … }
 * @example parseFigure('50,000+')        // { min: 50000, max: null, atLeast: true, … }
 * @example parseFigure('Unlimited (HuggingFace)') // null
 */
export function parseFigure(raw: string): ParsedFigure | null {
  const text = raw.trim();
  const head = HEAD.exec(text);
  if (!head?.groups) return null;
  const g = head.groups;

  const sign = g.sign === '-' ? -1 : 1;
  const min = sign * toNumber(g.min ?? '');
  const isRange = g.max !== undefined;
  // "-5-10" or "5-10+" have no single honest reading.
  if (isRange && (g.sign !== undefined || g.plus !== undefined)) return null;
  const max = isRange ? toNumber(g.max ?? '') : min;
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return null;

  let atLeast = g.plus !== undefined;
  let unit: string | null = g.usd ? 'USD' : null;
  let rest = text.slice(head[0].length);

  const unitMatch = readUnit(rest);
  if (unitMatch) {
    // "$0.12 ms" names two units.
    if (unit !== null && unitMatch.unit !== 'USD') return null;
    unit = unitMatch.unit;
    rest = unitMatch.rest;
    // "99.0%+" puts the plus after the unit.
    if (rest.startsWith('+') && !atLeast && !isRange) {
      atLeast = true;
      rest = rest.slice(1);
    }
  }
  // A number glued to letters ("4-bit", "7B") is a name, not a figure.
  if (rest !== '' && !/^[\s,(]/.test(rest)) return null;

  const qualifier = readQualifier(rest.trim(), unit);
  if (qualifier === undefined) return null;

  return {
    min,
    max: atLeast ? null : max,
    unit,
    approximate: g.approx !== undefined,
    atLeast,
    qualifier,
  };
}

/**
 * The text after the number and unit. Returns null for none, undefined when
 * the rest makes the figure ambiguous.
 */
function readQualifier(rest: string, unit: string | null): string | null | undefined {
  if (rest === '') return null;

  // "(with PagedAttention)", "(2-7 days with infrastructure)": a side note.
  const note = wholeParenthetical(rest);
  if (note !== null) return note === '' ? undefined : note;

  // ", weekly updates" / ", 300+ contributors": a second clause. If it states
  // another value of the same unit ("50 ms, 60 ms"), we cannot tell which holds.
  if (rest.startsWith(',')) {
    const clause = rest.slice(1).trim();
    if (clause === '') return undefined;
    const second = parseFigure(clause);
    if (second && (second.unit === null || unit === null || second.unit === unit)) return undefined;
    return clause;
  }

  // Free words: "larger batches possible", "open models (Llama, Mistral, …)".
  // A digit outside parentheses ("or 4 GB", "to 10") could be another value.
  if (!/^\p{L}/u.test(rest)) return undefined;
  if (/\d/.test(outsideParentheses(rest))) return undefined;
  return rest;
}
