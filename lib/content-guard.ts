/**
 * Zod-free checks for what the always-loaded mentions content script
 * receives (it must stay small and does not bundle zod): tab-bound requests,
 * the worker's `data/changed` push, and the replies it reads. Hand-written to
 * mirror the schemas of lib/messaging.ts exactly; test/unit/content-guard.test.ts
 * runs both over the same table so they cannot drift apart.
 */
import type { CardTarget, ChangeKind, DataChanged, ReplyData, TabRequest } from './messaging';
import type { PageConfig } from './page-config';
import type { ThemeSetting } from './settings';

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

const THEMES: ReadonlySet<unknown> = new Set<ThemeSetting>(['auto', 'light', 'dark']);
/** lib/settings.ts HOVER_DELAY_MIN_MS / HOVER_DELAY_MAX_MS, repeated: importing them would bundle zod. */
const HOVER_DELAY_MIN_MS = 0;
const HOVER_DELAY_MAX_MS = 2000;

/** The reply of `page/config` (lib/page-config.ts, strict: exactly these keys). */
export function isPageConfigReply(data: unknown): data is PageConfig {
  if (!isObject(data)) return false;
  if (!hasExactKeys(data, ['enabled', 'includeCode', 'hoverDelayMs', 'requireModifier', 'theme'])) return false;
  const { enabled, includeCode, hoverDelayMs, requireModifier, theme } = data;
  return (
    typeof enabled === 'boolean' &&
    typeof includeCode === 'boolean' &&
    typeof requireModifier === 'boolean' &&
    typeof hoverDelayMs === 'number' &&
    Number.isInteger(hoverDelayMs) &&
    hoverDelayMs >= HOVER_DELAY_MIN_MS &&
    hoverDelayMs <= HOVER_DELAY_MAX_MS &&
    THEMES.has(theme)
  );
}
