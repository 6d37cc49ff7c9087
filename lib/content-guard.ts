/**
 * Zod-free checks for what the always-loaded mentions content script
 * receives (it must stay small and does not bundle zod): tab-bound requests,
 * the worker's `data/changed` push, and the replies it reads. Hand-written to
 * mirror the schemas of lib/messaging.ts exactly; test/unit/content-guard.test.ts
 * runs both over the same table so they cannot drift apart.
 */
import type { CardTarget, ChangeKind, DataChanged, ReplyData, TabRequest } from './messaging';

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

/** Validates a tab-bound request sent to the content script; null when it is not one or malformed. */
export function parseTabRequest(raw: unknown): TabRequest | null {
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'content/list-mentions':
      return hasExactKeys(raw, ['type']) ? (raw as TabRequest<'content/list-mentions'>) : null;
    case 'content/open-card':
      return hasExactKeys(raw, ['type', 'target', 'focus', 'scroll']) &&
        isCardTarget(raw.target) &&
        typeof raw.focus === 'boolean' &&
        typeof raw.scroll === 'boolean'
        ? (raw as TabRequest<'content/open-card'>)
        : null;
    default:
      return null;
  }
}

const CHANGE_KINDS: ReadonlySet<unknown> = new Set<ChangeKind>(['dataset', 'pins', 'settings']);

/** Validates the worker's `data/changed` push; null when it is not one or malformed. */
export function parseDataChanged(raw: unknown): DataChanged | null {
  if (!isObject(raw) || raw.type !== 'data/changed' || !hasExactKeys(raw, ['type', 'changed'])) return null;
  const { changed } = raw;
  if (!Array.isArray(changed) || changed.length < 1 || changed.length > 3) return null;
  return changed.every((kind) => CHANGE_KINDS.has(kind)) ? (raw as DataChanged) : null;
}

/** The reply of `card/load-ui`. */
export function isLoadUiReply(data: unknown): data is ReplyData<'card/load-ui'> {
  return isObject(data) && typeof data.injected === 'boolean';
}

/** The reply of `pins/open-import`. */
export function isOpenImportReply(data: unknown): data is ReplyData<'pins/open-import'> {
  return isObject(data) && typeof data.opened === 'boolean';
}
