/**
 * Pure mention detection: text in, mentions out. Shared by the content script
 * (which feeds it one DOM text node at a time) and any UI that needs to know
 * what counts as a mention. No DOM, no browser APIs.
 */

/**
 * The engines the detector recognises in text. Each is also an engine id of
 * the dataset (`EngineId` in lib/schema.ts is the general, data-driven type;
 * test/unit/detect.test.ts checks that the bundled dataset has both).
 */
export const DETECTED_ENGINES = ['vllm', 'tensorrt-llm'] as const;
export type DetectedEngineId = (typeof DETECTED_ENGINES)[number];

/** One mention found in a string. Offsets are UTF-16 code units, `end` exclusive. */
export interface Mention {
  engine: DetectedEngineId;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)` of the input. */
  text: string;
}

/** The hyphens the issue accepts: U+002D hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen. */
const HYPHEN = '[-\\u2010\\u2011]';

/** Case-insensitive letter class built by hand: the `i` flag with `u` would also let the
 * Kelvin sign (U+212A) stand in for `k` and the long s (U+017F) for `s`. */
const ci = (word: string): string =>
  [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c)).join('');

/**
 * The "LLM" part of the TensorRT-LLM forms, in the casings people write: `LLM`,
 * `llm`, `Llm`. (Mixed forms such as `lLM` are typos nobody writes; leaving
 * them out also lets the page scanner find candidates natively with two
 * case-sensitive substring tests, `lm` and `LM`: see walker.ts.)
 */
const LLM = '(?:LLM|llm|Llm)';

/**
 * The source of the mention pattern, exported so the benchmark can give
 * mark.js exactly the same expression.
 *
 * - vLLM: exactly `vLLM`, `vllm` or `VLLM` (not `Vllm`, `VLlm`: those read as typos or other words).
 * - TensorRT-LLM: `TensorRT` in any case + (any hyphen | space | underscore | nothing) + `LLM`;
 *   `TRT` in any case + (any hyphen | nothing) + `LLM`. `TRT LLM` / `trt_llm` are not forms the issue lists.
 * - Bounded on both sides by the edge of the text or a character that is neither a
 *   letter nor a digit (Unicode-aware), so `LLVM`, `myvllmapp`, `vllmx` never match;
 *   and not glued by underscores to a letter or digit, so a name inside a longer
 *   identifier (`VLLM_USE_V1`, `enable_vllm_path`, `load_tensorrt_llm_plugin`) is not
 *   a mention, while `tensorrt_llm` on its own (the package's name) and a prefix
 *   written as such (`the VLLM_ prefix`) are.
 *
 * Mentions inside URLs, host names and e-mail addresses are dropped afterwards
 * by {@link detectMentions} (a regular expression cannot see the whole address).
 */
export const MENTION_PATTERN_SOURCE =
  '(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}]_+)' +
  `(?:vLLM|vllm|VLLM|${ci('tensorrt')}(?:${HYPHEN}|[ _])?${LLM}|${ci('trt')}${HYPHEN}?${LLM})` +
  '(?![\\p{L}\\p{N}])(?!_+[\\p{L}\\p{N}])';

/** Flags for {@link MENTION_PATTERN_SOURCE}: global (for exec loops) and Unicode (for \p{…}). */
export const MENTION_PATTERN_FLAGS = 'gu';

/** A fresh global RegExp for the mention pattern (callers own its `lastIndex`). */
export function mentionPattern(): RegExp {
  return new RegExp(MENTION_PATTERN_SOURCE, MENTION_PATTERN_FLAGS);
}

/**
 * What {@link detectMentions} runs: the forms without the boundary look-arounds,
 * which are checked in script instead ({@link boundedAt}). Same matches, but
 * without the Unicode property classes the regular expression compiles and
 * scans much faster, and on most pages it is the only one that ever runs.
 * Shared; safe because it is reset on every call and nothing inside the loop
 * can re-enter detectMentions.
 */
const FORMS = new RegExp(
  `vLLM|vllm|VLLM|${ci('tensorrt')}(?:${HYPHEN}|[ _])?${LLM}|${ci('trt')}${HYPHEN}?${LLM}`,
  'g',
);

/** Letters and digits outside ASCII, for the rare boundary that is not ASCII (compiled on first need). */
let unicodeWordChar: RegExp | null = null;

/** The letters and digits among U+0080–U+00BF: ª ² ³ µ ¹ º ¼ ½ ¾. */
const LATIN1_PUNCTUATION_WORD_CHARS = new Set([0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe]);

/**
 * True when the code point is a letter or a digit (`\p{L}` or `\p{N}`).
 * The neighbours prose puts next to a name (curly quotes, dashes, the
 * ellipsis, accented letters) are answered without the Unicode regular
 * expression, whose first runs cost V8 about 1 ms to compile.
 */
export function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (cp <= 0xbf) return LATIN1_PUNCTUATION_WORD_CHARS.has(cp);
  if (cp <= 0x24f) return cp !== 0xd7 && cp !== 0xf7; // Latin letters, but × and ÷
  if (cp >= 0x2000 && cp <= 0x206f) return false; // General Punctuation: no letter or digit
  unicodeWordChar ??= /^[\p{L}\p{N}]$/u;
  return unicodeWordChar.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i` (a surrogate pair counts as one). */
function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * The boundaries of {@link MENTION_PATTERN_SOURCE} around `text[start, end)`:
 * no letter or digit right before or after, and no underscores joining one.
 */
function boundedAt(text: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && text.charCodeAt(i - 1) === 0x5f /* _ */) i--;
  if (i > 0 && isWordChar(codePointBefore(text, i))) return false;
  let j = end;
  while (j < text.length && text.charCodeAt(j) === 0x5f) j++;
  if (j < text.length && isWordChar(text.codePointAt(j)!)) return false;
  return true;
}

// --- addresses shown as text ---------------------------------------------------------

/**
 * How far around a mention to look for the address it may belong to. Longer
 * addresses are rare; the bound keeps hostile input (megabytes without a space)
 * linear.
 */
const MAX_TOKEN = 256;

/** White space ends an address (the characters `\s` matches). */
function isSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Top-level domains a host shown as text ends with. A closed list, not "any
 * letters", because a mention followed by a dot and a word is usually code or a
 * typo (`vllm.LLM`, `vllm.py`, `vLLM.It`): English words among the country
 * codes (`in`, `it`, `is`, `to`, `me`, …) are left out on purpose.
 */
const TLDS =
  'com|org|net|edu|gov|mil|int|io|ai|dev|app|co|cloud|tech|info|biz|xyz|site|page|blog|' +
  'example|test|invalid|localhost|local|internal|' +
  'uk|de|fr|jp|cn|kr|ru|eu|ca|au|nl|ch|se|tw|hk|sg|br|es|pl';

/** What may follow a host: a port, then a path, query or fragment (a container image's tag too). */
const HOST_TAIL = '(?::\\d{1,5})?(?:[/?#][^<>"\'`]*)?';

/**
 * Addresses inside one token (a run of text without white space), for letters
 * `L` and digits `N` (the inside of a character class):
 * - a URL with a scheme: `https://docs.vllm.ai/en/stable/`;
 * - an e-mail address: `team@vllm.example`;
 * - a host name with a known top-level domain, with whatever path follows it:
 *   `chat.vllm.ai`, `registry.example.com/org/trtllm-runtime:1.0`.
 * Schemes and top-level domains are matched in either case with explicit
 * classes rather than the `i` flag, which with `u` would also let the Kelvin
 * sign stand in for `k` and the long s for `s` (as in {@link ci}).
 */
function addressSource(L: string, N: string): string {
  const label = `[${L}${N}](?:[${L}${N}-]*[${L}${N}])?`;
  const tlds = TLDS.split('|').map(ci).join('|');
  return [
    '[a-zA-Z][a-zA-Z0-9+.-]*://[^<>"\'`]*',
    `[${L}${N}._%+-]+@(?:${label}\\.)+[${L}]{2,}${HOST_TAIL}`,
    `(?<![${L}${N}._%+@-])(?:${label}\\.)+(?:${tlds})(?![${L}${N}_-])${HOST_TAIL}`,
  ].join('|');
}

/**
 * The address pattern, compiled on first need, in two builds that agree on
 * ASCII text: with ASCII classes for a token that is all ASCII (nearly every
 * one), and with Unicode letters and digits for the rest. Why two: V8 spends
 * 4–7 ms on each of the first two runs of the Unicode build (compiling its
 * property classes, then tiering up), so one "We use vLLM." on a page cost the
 * content script more than its other 66 mentions; the ASCII build costs
 * about 0.4 ms.
 */
let asciiAddress: RegExp | null = null;
let unicodeAddress: RegExp | null = null;

/** The address pattern for a token: the cheap ASCII build when `ascii`. Exported for the equivalence test. */
export function addressPattern(ascii: boolean): RegExp {
  if (ascii) return (asciiAddress ??= new RegExp(addressSource('A-Za-z', '0-9'), 'g'));
  return (unicodeAddress ??= new RegExp(addressSource('\\p{L}', '\\p{N}'), 'gu'));
}

/**
 * True when `c` can follow the `.`, `@` or `:` of an address: an ASCII letter or
 * digit, a slash, or any non-ASCII character (a letter or digit of the Unicode
 * build; the pattern itself decides).
 */
function continuesAddress(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2f || c >= 0x80;
}

/** True when `text[start, end)` lies inside a URL, e-mail address or host name written in `text`. */
export function isInAddress(text: string, start: number, end: number): boolean {
  let from = start;
  const fromLimit = Math.max(0, start - MAX_TOKEN);
  while (from > fromLimit && !isSpace(text.charCodeAt(from - 1))) from--;
  let to = end;
  const toLimit = Math.min(text.length, end + MAX_TOKEN);
  while (to < toLimit && !isSpace(text.charCodeAt(to))) to++;
  // Fast path: every address has a dot, an at sign or a colon followed by a
  // letter, a digit or a slash (`://`, `@host`, `.tld`). A token whose only
  // marks end it or precede punctuation (`vLLM.`, `TRT-LLM:`, `vLLM.)`) holds
  // no address, and ends a sentence far more often than not.
  let marked = false;
  let ascii = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e /* . */ || c === 0x40 /* @ */ || c === 0x3a /* : */) {
      if (i + 1 < to && continuesAddress(text.charCodeAt(i + 1))) marked = true;
    } else if (c >= 0x80) ascii = false;
  }
  if (!marked) return false;
  const token = text.slice(from, to);
  const s = start - from;
  const e = end - from;
  const address = addressPattern(ascii);
  address.lastIndex = 0;
  for (let m = address.exec(token); m !== null; m = address.exec(token)) {
    if (m.index >= e) return false;
    if (m.index <= s && m.index + m[0].length >= e) return true;
    if (m[0].length === 0) address.lastIndex++;
  }
  return false;
}

/** Which engine a matched string names: every vLLM form starts with v/V, no TensorRT form does. */
export function engineOf(matched: string): DetectedEngineId {
  const first = matched.charCodeAt(0);
  return first === 0x76 /* v */ || first === 0x56 /* V */ ? 'vllm' : 'tensorrt-llm';
}

/**
 * Finds every mention of vLLM or TensorRT-LLM in `text`, in order, without overlaps.
 * `text` is one run of text (the content script passes one DOM text node), and its
 * start and end count as boundaries. Names inside a URL, host name or e-mail
 * address written as text are not mentions: they name a place, not the engine.
 */
export function detectMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  FORMS.lastIndex = 0;
  for (let m = FORMS.exec(text); m !== null; m = FORMS.exec(text)) {
    const matched = m[0];
    const start = m.index;
    const end = start + matched.length;
    if (!boundedAt(text, start, end)) {
      // As the look-arounds would: try again one character later (a form can start inside this one).
      FORMS.lastIndex = start + 1;
      continue;
    }
    if (isInAddress(text, start, end)) continue;
    mentions.push({ engine: engineOf(matched), start, end, text: matched });
  }
  return mentions;
}

/**
 * Context read on each side of a range by {@link detectMentionsBetween}: more
 * than the address look-around ({@link MAX_TOKEN}) plus the longest mention, so
 * the result is the same as reading the whole text.
 */
const RANGE_CONTEXT = MAX_TOKEN + 64;

/**
 * The mentions of `text` that start in `[from, to)`, as {@link detectMentions}
 * would find them in the whole text, reading only the range and a little
 * context around it. Lets the content script read a huge text node in pieces,
 * and re-read only what was appended to one.
 */
export function detectMentionsBetween(text: string, from: number, to: number = text.length): Mention[] {
  const a = Math.max(0, from - RANGE_CONTEXT);
  const b = Math.min(text.length, to + RANGE_CONTEXT);
  if (a === 0 && b === text.length && from === 0 && to >= text.length) return detectMentions(text);
  const out: Mention[] = [];
  for (const m of detectMentions(text.slice(a, b))) {
    const start = m.start + a;
    if (start >= from && start < to) out.push({ ...m, start, end: m.end + a });
  }
  return out;
}
