/**
 * Checks tab-bound messages (lib/messaging.ts, `ContentRequestSchemas`) in the
 * content script, which must not bundle zod. Hand-written to mirror the
 * schemas exactly; test/unit/content-guard.test.ts runs both over the same
 * table so they cannot drift apart.
 */
import type { CardTarget, ContentRequest } from './messaging';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` has exactly these keys (zod's `.strict()`). */
function hasExactKeys(value: Json, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

function isCardTarget(value: unknown): value is CardTarget {
  if (!isObject(value)) return false;
  if (value.kind === 'selection') return hasExactKeys(value, ['kind']);
  return (
    value.kind === 'mention' &&
    hasExactKeys(value, ['kind', 'id']) &&
    typeof value.id === 'number' &&
    Number.isInteger(value.id) &&
    value.id >= 0
  );
}

/** Validates a message sent to the content script; null when it is not one of ours or malformed. */
export function parseContentRequest(raw: unknown): ContentRequest | null {
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'content/list-mentions':
      return hasExactKeys(raw, ['type']) ? (raw as ContentRequest<'content/list-mentions'>) : null;
    case 'content/open-card':
      return hasExactKeys(raw, ['type', 'target', 'focus', 'scroll']) &&
        isCardTarget(raw.target) &&
        typeof raw.focus === 'boolean' &&
        typeof raw.scroll === 'boolean'
        ? (raw as ContentRequest<'content/open-card'>)
        : null;
    default:
      return null;
  }
}
