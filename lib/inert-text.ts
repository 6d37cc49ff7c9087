/**
 * Text from outside (a feed, an imported file) is shown as text, never as
 * markup (React renders strings as text). Invisible control characters are
 * the other way text can mislead: a right-to-left override (U+202E) makes
 * "rtx 0.06$" read as something else, and other controls can hide in a
 * figure. This makes them visible and inert: each becomes its code point in
 * brackets ("[U+202E]"), so what is shown is exactly what was sent. Pure.
 */

/** Bidi embeddings, overrides and isolates, directional marks, and C0/C1 controls other than tab and newline. */
// eslint-disable-next-line no-control-regex -- matching control characters is this module's job
const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function inertText(text: string): string {
  return text.replace(CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** Applies {@link inertText} to every string in parsed JSON (keys included), returning a copy. */
export function inertStrings(value: unknown): unknown {
  if (typeof value === 'string') return inertText(value);
  if (Array.isArray(value)) return value.map(inertStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [inertText(key), inertStrings(item)]));
  }
  return value;
}
