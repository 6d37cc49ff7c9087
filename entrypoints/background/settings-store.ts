/**
 * The user's settings in the browser's storage, owned by the worker (the
 * only writer; pages read and change them through `settings/get` and
 * `settings/update`). Uses @wxt-dev/storage for its versioned items: each
 * item carries its version beside it and runs the migration chain of
 * lib/settings.ts when an older version is read, in every context, before
 * any read returns.
 *
 * Reads are lenient (lib/settings.ts): a field that fails to parse takes its
 * default and is logged; the valid fields are kept. Writes keep fields a later
 * build wrote, so a downgrade never deletes them.
 */
import { storage } from '@wxt-dev/storage';
import {
  applySettingsPatch,
  DEFAULT_PREFERENCES,
  DEFAULT_SOURCES,
  mergeKeepingUnknown,
  parseLeniently,
  PREFERENCES_MIGRATIONS,
  PREFERENCES_VERSION,
  PreferencesSchema,
  SettingsSchema,
  SOURCES_MIGRATIONS,
  SOURCES_VERSION,
  SourcesSchema,
  type Settings,
  type SettingsPatch,
} from '@/lib/settings';

/** Storage keys: small preferences sync with the user's browser profile; sources stay on this device. */
export const PREFERENCES_KEY = 'sync:preferences';
export const SOURCES_KEY = 'local:sources';

type Items = ReturnType<typeof defineItems>;
let items: Items | undefined;

function defineItems() {
  return {
    preferences: storage.defineItem<Record<string, unknown>>(PREFERENCES_KEY, {
      version: PREFERENCES_VERSION,
      migrations: PREFERENCES_MIGRATIONS,
    }),
    sources: storage.defineItem<Record<string, unknown>>(SOURCES_KEY, {
      version: SOURCES_VERSION,
      migrations: SOURCES_MIGRATIONS,
    }),
  };
}

/** Defined on first use, never at module load (WXT imports entrypoints in Node at build time). */
function settingsItems(): Items {
  items ??= defineItems();
  return items;
}

export interface SettingsRead {
  settings: Settings;
  /** Paths of stored fields that were invalid and took their default (to log). */
  invalid: string[];
}

/** The stored settings, read leniently, with defaults for what was never set. */
export async function readSettings(): Promise<SettingsRead> {
  const { preferences, sources } = settingsItems();
  const [rawPreferences, rawSources] = await Promise.all([preferences.getValue(), sources.getValue()]);
  const p = parseLeniently(PreferencesSchema, rawPreferences ?? undefined, DEFAULT_PREFERENCES, 'preferences');
  const s = parseLeniently(SourcesSchema, rawSources ?? undefined, DEFAULT_SOURCES, 'sources');
  return { settings: { preferences: p.value, sources: s.value }, invalid: [...p.invalid, ...s.invalid] };
}

/**
 * Applies a validated patch and writes the parts it touches. Returns the new
 * settings. Throws when the result would be invalid (nothing is written).
 */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const { preferences, sources } = settingsItems();
  const { settings } = await readSettings();
  const next = SettingsSchema.parse(applySettingsPatch(settings, patch));
  const writes: Promise<void>[] = [];
  if (patch.preferences) {
    writes.push(preferences.setValue(mergeKeepingUnknown(await preferences.getValue(), next.preferences) as Record<string, unknown>));
  }
  if (patch.sources) {
    writes.push(sources.setValue(mergeKeepingUnknown(await sources.getValue(), next.sources) as Record<string, unknown>));
  }
  await Promise.all(writes);
  return next;
}

/** Removes every stored setting: the next read gives the defaults. */
export async function resetSettings(): Promise<void> {
  const { preferences, sources } = settingsItems();
  await Promise.all([preferences.removeValue(), sources.removeValue()]);
}
