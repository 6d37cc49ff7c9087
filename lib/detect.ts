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
 * The source of the mention pattern, exported so the benchmark can give
 * mark.js exactly the same expression.
 *
 * - vLLM: exactly `vLLM`, `vllm` or `VLLM` (not `Vllm`, `VLlm`: those read as typos or other words).
 * - TensorRT-LLM, case-insensitive: `TensorRT` + (any hyphen | space | underscore) + `LLM`;
 *   `TRT` + (any hyphen | nothing) + `LLM`. `TRT LLM` / `trt_llm` are not forms the issue lists.
 * - Bounded on both sides by the edge of the text or a character that is neither a
 *   letter nor a digit (Unicode-aware), so `LLVM`, `myvllmapp`, `vllmx` never match.
 */
export const MENTION_PATTERN_SOURCE =
  '(?<![\\p{L}\\p{N}])' +
  `(?:vLLM|vllm|VLLM|${ci('tensorrt')}(?:${HYPHEN}|[ _])${ci('llm')}|${ci('trt')}${HYPHEN}?${ci('llm')})` +
  '(?![\\p{L}\\p{N}])';

/** Flags for {@link MENTION_PATTERN_SOURCE}: global (for exec loops) and Unicode (for \p{…}). */
export const MENTION_PATTERN_FLAGS = 'gu';

/** A fresh global RegExp for the mention pattern (callers own its `lastIndex`). */
export function mentionPattern(): RegExp {
  return new RegExp(MENTION_PATTERN_SOURCE, MENTION_PATTERN_FLAGS);
}

// One shared instance for detectMentions; safe because it is reset on every call
// and nothing inside the loop can re-enter detectMentions.
const PATTERN = mentionPattern();

/** Which engine a matched string names: every vLLM form starts with v/V, no TensorRT form does. */
export function engineOf(matched: string): DetectedEngineId {
  const first = matched.charCodeAt(0);
  return first === 0x76 /* v */ || first === 0x56 /* V */ ? 'vllm' : 'tensorrt-llm';
}

/**
 * Finds every mention of vLLM or TensorRT-LLM in `text`, in order, without overlaps.
 * `text` is one run of text (the content script passes one DOM text node), and its
 * start and end count as boundaries.
 */
export function detectMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) {
    const matched = m[0];
    mentions.push({ engine: engineOf(matched), start: m.index, end: m.index + matched.length, text: matched });
  }
  return mentions;
}
