import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, resetSettings, updateSettings } from '@/entrypoints/background/settings-store';
import {
  applySettingsPatch,
  DEFAULT_PREFERENCES,
  DEFAULT_SETTINGS,
  mergeKeepingUnknown,
  normalizeHttpsOrigin,
  parseLeniently,
  PREFERENCES_MIGRATIONS,
  PREFERENCES_VERSION,
  PreferencesSchema,
  SettingsPatchSchema,
  SettingsSchema,
  SOURCES_MIGRATIONS,
  SOURCES_VERSION,
  SourcesSchema,
} from '@/lib/settings';
import { DEFAULT_SITES } from '@/lib/sites';
import { PREFERENCES_V1, SOURCES_V1 } from './fixtures/settings-v1';

describe('settings schema', () => {
  it('the defaults are valid settings, every default site on', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(DEFAULT_PREFERENCES.sites)).toEqual(DEFAULT_SITES.map((s) => s.id));
    expect(Object.values(DEFAULT_PREFERENCES.sites).every(Boolean)).toBe(true);
    expect(DEFAULT_PREFERENCES.hover.delayMs).toBe(300);
    expect(DEFAULT_SETTINGS.sources.datasetFeedUrl).toBeNull();
  });

  it('has a migration step for every version after the first', () => {
    for (let v = 2; v <= PREFERENCES_VERSION; v++) expect(PREFERENCES_MIGRATIONS[v]).toBeTypeOf('function');
    for (let v = 2; v <= SOURCES_VERSION; v++) expect(SOURCES_MIGRATIONS[v]).toBeTypeOf('function');
  });

  it('reads the version-1 fixtures as they were written', () => {
    expect(PreferencesSchema.parse(PREFERENCES_V1)).toEqual(PREFERENCES_V1);
    expect(SourcesSchema.parse(SOURCES_V1)).toEqual(SOURCES_V1);
  });

  it.each([
    ['hover delay above 2000 ms', { preferences: { hover: { delayMs: 2001 } } }],
    ['hover delay not a whole number', { preferences: { hover: { delayMs: 12.5 } } }],
    ['an unknown underline style', { preferences: { hover: { underline: 'wavy' } } }],
    ['an unknown default site', { preferences: { sites: { myspace: true } } }],
    ['an http feed', { sources: { datasetFeedUrl: 'http://feeds.example.com/data.json' } }],
    ['a feed with credentials', { sources: { datasetFeedUrl: 'https://user:pw@feeds.example.com/d.json' } }],
    ['a site with a path', { sources: { customSites: [{ origin: 'https://example.com/docs', enabled: true }] } }],
    ['an unknown key', { preferences: { colour: 'red' } }],
    ['refresh every 0 hours', { preferences: { refreshHours: 0 } }],
  ])('a patch with %s is refused', (_name, patch) => {
    expect(SettingsPatchSchema.safeParse(patch).success).toBe(false);
  });

  it('applies a patch field by field; lists are replaced whole', () => {
    const patch = SettingsPatchSchema.parse({
      preferences: { hover: { delayMs: 800 }, sites: { reddit: false } },
      sources: { pausedOrigins: ['https://github.com'] },
    });
    const next = applySettingsPatch(DEFAULT_SETTINGS, patch);
    expect(next.preferences.hover).toEqual({ ...DEFAULT_PREFERENCES.hover, delayMs: 800 });
    expect(next.preferences.sites.reddit).toBe(false);
    expect(next.preferences.sites.github).toBe(true);
    expect(next.sources.pausedOrigins).toEqual(['https://github.com']);
    expect(SettingsSchema.parse(next)).toEqual(next);
  });
});

describe('normalizeHttpsOrigin', () => {
  it.each([
    ['docs.sglang.ai', 'https://docs.sglang.ai'],
    ['https://docs.sglang.ai/en/latest/', 'https://docs.sglang.ai'],
    ['HTTPS://Docs.Example.COM', 'https://docs.example.com'],
    ['  lmsys.org  ', 'https://lmsys.org'],
    ['http://example.com', null],
    ['ftp://example.com', null],
    ['https://example.com:8443', null],
    ['https://user@example.com', null],
    ['localhost', null],
    ['*.example.com', null],
    ['', null],
    ['exa mple.com', null],
    ['javascript:alert(1)', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHttpsOrigin(input)).toBe(expected);
  });
});

describe('lenient reading: one bad field never resets the rest', () => {
  it('keeps every valid field and reports the invalid one', () => {
    const stored = { ...PREFERENCES_V1, hover: { ...PREFERENCES_V1.hover, delayMs: 'slow' } };
    const { value, invalid } = parseLeniently(PreferencesSchema, stored, DEFAULT_PREFERENCES, 'preferences');
    expect(invalid).toEqual(['preferences.hover.delayMs']);
    expect(value.hover).toEqual({ ...PREFERENCES_V1.hover, delayMs: DEFAULT_PREFERENCES.hover.delayMs });
    expect(value.theme).toBe('dark');
    expect(value.sites.github).toBe(false);
  });

  it('drops only the bad items of a list', () => {
    const stored = { ...SOURCES_V1, customSites: [{ origin: 'https://ok.example.com', enabled: true }, { origin: 'http://bad', enabled: true }] };
    const { value, invalid } = parseLeniently(SourcesSchema, stored, DEFAULT_SETTINGS.sources, 'sources');
    expect(value.customSites).toEqual([{ origin: 'https://ok.example.com', enabled: true }]);
    expect(invalid).toEqual(['sources.customSites.1']);
    expect(value.datasetFeedUrl).toBe(SOURCES_V1.datasetFeedUrl);
  });

  it('takes a missing field (added by a later version) from the defaults without reporting it', () => {
    const { theme: _dropped, ...withoutTheme } = PREFERENCES_V1;
    const { value, invalid } = parseLeniently(PreferencesSchema, withoutTheme, DEFAULT_PREFERENCES);
    expect(value.theme).toBe('auto');
    expect(invalid).toEqual([]);
  });

  it.each([null, 'settings', 42, []])('reads %j as the defaults and reports it', (raw) => {
    const { value, invalid } = parseLeniently(PreferencesSchema, raw, DEFAULT_PREFERENCES);
    expect(value).toEqual(DEFAULT_PREFERENCES);
    expect(invalid).toEqual(['(root)']);
  });

  it('writing back keeps fields a later build stored', () => {
    const later = { ...PREFERENCES_V1, hover: { ...PREFERENCES_V1.hover, openOnFocus: true }, laterSetting: 'x' };
    const merged = mergeKeepingUnknown(later, { ...PREFERENCES_V1, theme: 'light' }) as Record<string, unknown>;
    expect(merged).toMatchObject({ theme: 'light', laterSetting: 'x', hover: { openOnFocus: true, delayMs: 650 } });
  });
});

describe('settings storage (@wxt-dev/storage on the fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the defaults when nothing was stored', async () => {
    expect(await readSettings()).toEqual({ settings: DEFAULT_SETTINGS, invalid: [] });
  });

  it('stores preferences in sync and sources in local, each under its key', async () => {
    await updateSettings({ preferences: { hover: { delayMs: 900 } }, sources: { pausedOrigins: ['https://github.com'] } });
    const sync = await fakeBrowser.storage.sync.get('preferences');
    const local = await fakeBrowser.storage.local.get('sources');
    expect((sync.preferences as { hover: { delayMs: number } }).hover.delayMs).toBe(900);
    expect((local.sources as { pausedOrigins: string[] }).pausedOrigins).toEqual(['https://github.com']);
    expect((await readSettings()).settings.preferences.hover.delayMs).toBe(900);
  });

  it('reads stored version-1 items as they were', async () => {
    await fakeBrowser.storage.sync.set({ preferences: PREFERENCES_V1, preferences$: { v: 1 } });
    await fakeBrowser.storage.local.set({ sources: SOURCES_V1, sources$: { v: 1 } });
    expect((await readSettings()).settings).toEqual({ preferences: PREFERENCES_V1, sources: SOURCES_V1 });
  });

  it('one corrupt stored field keeps the others and is reported', async () => {
    await fakeBrowser.storage.sync.set({ preferences: { ...PREFERENCES_V1, badge: 'sometimes' } });
    const { settings, invalid } = await readSettings();
    expect(invalid).toEqual(['preferences.badge']);
    expect(settings.preferences.hover.delayMs).toBe(650);
    expect(settings.preferences.badge).toBe(DEFAULT_PREFERENCES.badge);
  });

  it('refuses an invalid result and writes nothing', async () => {
    await updateSettings({ preferences: { theme: 'dark' } });
    await expect(updateSettings({ sources: { teamFeedUrls: Array(30).fill('https://a.example.com/f.json') } })).rejects.toThrow();
    expect((await fakeBrowser.storage.local.get('sources')).sources).toBeUndefined();
    expect((await readSettings()).settings.preferences.theme).toBe('dark');
  });

  it('reset removes every stored setting', async () => {
    await updateSettings({ preferences: { theme: 'dark' }, sources: { pausedOrigins: ['https://github.com'] } });
    await resetSettings();
    expect((await readSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });
});
