/**
 * The user's settings: zod schemas, defaults, versions and migrations. Pure.
 *
 * Two parts, because they live in two storage areas:
 * - **preferences** (`storage.sync`, follows the user across browsers; small,
 *   well inside sync's 8 KB-per-item quota): which default sites are on,
 *   hover behaviour, theme, what to track and how to be told;
 * - **sources** (`storage.local`): the user's own sites, paused sites and feed
 *   URLs. Each of them needs a host permission granted in *this* browser, so
 *   syncing them would only produce entries that do not work elsewhere.
 *
 * Each part has its own version and migration chain (lib/migrate.ts format:
 * steps keyed by the version they produce, each a pure `vNToVM` function
 * tested with a fixture). Reading is lenient, field by field: a field that
 * fails to parse takes its default and is reported, the valid fields around
 * it are kept, so one bad value never resets a user's settings.
 */
import { z } from 'zod';
import type { MigrationChain } from './migrate';
import { DEFAULT_SITES } from './sites';

// ------------------------------------------------------------ building blocks

/** `https://host` (no path, no port, no credentials), lower case: what a user adds as a site. */
export const HttpsOriginSchema = z
  .string()
  .max(300)
  .refine((value) => normalizeHttpsOrigin(value) === value, 'must be an https origin such as https://docs.example.com');

/** An https URL a feed is served at (no credentials in it). */
export const HttpsUrlSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    const url = safeUrl(value);
    return url !== null && url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== '';
  }, 'must be an https URL');

function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The https origin a user means when they type `docs.example.com`,
 * `https://docs.example.com/some/page` or `HTTPS://Docs.Example.com/`; null
 * when it is not one (another scheme, a port, credentials, an IP-less blank).
 */
export function normalizeHttpsOrigin(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return null;
  const url = safeUrl(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (!url || url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  // A host needs a dot (no "localhost" or bare words) and no wildcard.
  if (!url.hostname.includes('.') || url.hostname.includes('*')) return null;
  return `https://${url.hostname}`;
}

// -------------------------------------------------------------- preferences

export const PREFERENCES_VERSION = 1;

/** Default-site ids (lib/sites.ts), each a switch that is on by default. */
const siteSwitches = Object.fromEntries(DEFAULT_SITES.map((site) => [site.id, z.boolean()])) as Record<
  string,
  z.ZodBoolean
>;

export const UnderlineStyleSchema = z.enum(['dotted', 'solid', 'none']);
export type UnderlineStyle = z.infer<typeof UnderlineStyleSchema>;

export const ThemeSettingSchema = z.enum(['auto', 'light', 'dark']);
export type ThemeSetting = z.infer<typeof ThemeSettingSchema>;

/** The hover delay's bounds (ms). */
export const HOVER_DELAY_MIN_MS = 0;
export const HOVER_DELAY_MAX_MS = 2000;

export const PreferencesSchema = z.object({
  /** Default sites by id (lib/sites.ts): on or off. */
  sites: z.object(siteSwitches),
  hover: z.object({
    /** How long the pointer rests on a mention before its card opens. */
    delayMs: z.number().int().min(HOVER_DELAY_MIN_MS).max(HOVER_DELAY_MAX_MS),
    /** Cards open only while a modifier key (Alt/Option, Ctrl, Meta or Shift) is held. */
    requireModifier: z.boolean(),
    /** Also mark mentions inside code blocks and code views. */
    includeCode: z.boolean(),
    /** How marks are drawn; the two engines always differ by line style as well as colour. */
    underline: UnderlineStyleSchema,
  }),
  /** Theme of the card and the extension's pages; `auto` follows the page (card) or the system. */
  theme: ThemeSettingSchema,
  /** "Track this comparison": which kinds of change a refresh reports. */
  track: z.object({
    /** A figure changed. */
    figureChange: z.boolean(),
    /** A row was added or removed. */
    newSpec: z.boolean(),
    /** The verdict's text or scores changed. */
    verdictUpdate: z.boolean(),
  }),
  /** Show a badge on the toolbar icon until "What changed" has been seen. */
  badge: z.boolean(),
  /** One browser notification per refresh with a tracked change (needs the optional permission). */
  notifications: z.boolean(),
  /** Hours between scheduled feed refreshes. */
  refreshHours: z.number().int().min(1).max(24 * 7),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = {
  sites: Object.fromEntries(DEFAULT_SITES.map((site) => [site.id, true])),
  hover: { delayMs: 300, requireModifier: false, includeCode: false, underline: 'dotted' },
  theme: 'auto',
  track: { figureChange: true, newSpec: true, verdictUpdate: true },
  badge: true,
  notifications: false,
  refreshHours: 24,
};

/** Steps to the next preferences version, keyed by the version they produce. None yet: version 1 is the first. */
export const PREFERENCES_MIGRATIONS: MigrationChain = {};

// ------------------------------------------------------------------ sources

export const SOURCES_VERSION = 1;

/** Most user sites and team feeds kept; the options page says so when the list is full. */
export const MAX_CUSTOM_SITES = 50;
export const MAX_TEAM_FEEDS = 20;

export const CustomSiteSchema = z.object({
  origin: HttpsOriginSchema,
  enabled: z.boolean(),
});
export type CustomSite = z.infer<typeof CustomSiteSchema>;

export const SourcesSchema = z.object({
  /** Sites the user added (marked once the browser granted the permission). */
  customSites: z.array(CustomSiteSchema).max(MAX_CUSTOM_SITES),
  /** Origins the user paused from the popup ("Pause on this site"). */
  pausedOrigins: z.array(HttpsOriginSchema).max(500),
  /** Where an updated dataset is published; null: no feed, no request ever. */
  datasetFeedUrl: HttpsUrlSchema.nullable(),
  /** Team feeds the user subscribed to (each serves one pin or a list). */
  teamFeedUrls: z.array(HttpsUrlSchema).max(MAX_TEAM_FEEDS),
});
export type Sources = z.infer<typeof SourcesSchema>;

export const DEFAULT_SOURCES: Sources = {
  customSites: [],
  pausedOrigins: [],
  datasetFeedUrl: null,
  teamFeedUrls: [],
};

/** Steps to the next sources version, keyed by the version they produce. None yet. */
export const SOURCES_MIGRATIONS: MigrationChain = {};

// ------------------------------------------------------------------ together

export const SettingsSchema = z.object({ preferences: PreferencesSchema, sources: SourcesSchema });
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { preferences: DEFAULT_PREFERENCES, sources: DEFAULT_SOURCES };

/** A change to the settings: any part of either side; lists are replaced whole. */
export const SettingsPatchSchema = z
  .object({
    preferences: z
      .object({
        sites: z.object(siteSwitches).partial().strict(),
        hover: PreferencesSchema.shape.hover.partial().strict(),
        theme: ThemeSettingSchema,
        track: PreferencesSchema.shape.track.partial().strict(),
        badge: z.boolean(),
        notifications: z.boolean(),
        refreshHours: PreferencesSchema.shape.refreshHours,
      })
      .partial()
      .strict(),
    sources: SourcesSchema.partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Applies a (validated) patch: objects merge field by field, everything else is replaced. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const p = patch.preferences ?? {};
  return {
    preferences: {
      ...settings.preferences,
      ...p,
      sites: { ...settings.preferences.sites, ...p.sites },
      hover: { ...settings.preferences.hover, ...p.hover },
      track: { ...settings.preferences.track, ...p.track },
    } as Preferences,
    sources: { ...settings.sources, ...patch.sources },
  };
}

// ---------------------------------------------------------- lenient reading

/** A value read leniently, and the paths of the fields that were invalid and took their default. */
export interface LenientRead<T> {
  value: T;
  invalid: string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses `raw` against an object schema field by field: valid fields are
 * kept, an invalid field takes its value from `fallback` and its path is
 * reported, a missing field takes the fallback silently (a setting added by a
 * later version), and in a list only the invalid items are dropped. Unknown
 * fields are left out of the value (see {@link mergeKeepingUnknown} for
 * writing back without losing them).
 */
export function parseLeniently<T>(schema: z.ZodType<T>, raw: unknown, fallback: T, path = ''): LenientRead<T> {
  const invalid: string[] = [];
  const value = lenient(schema, raw, fallback, path, invalid) as T;
  return { value, invalid };
}

function lenient(schema: z.ZodType, raw: unknown, fallback: unknown, path: string, invalid: string[]): unknown {
  if (raw === undefined) return fallback;
  if (schema instanceof z.ZodObject && isPlainObject(fallback)) {
    if (!isPlainObject(raw)) {
      invalid.push(path || '(root)');
      return fallback;
    }
    const shape = schema.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      out[key] = lenient(shape[key]!, Object.hasOwn(raw, key) ? raw[key] : undefined, fallback[key], join(path, key), invalid);
    }
    return out;
  }
  if (schema instanceof z.ZodArray && Array.isArray(raw)) {
    const element = schema.element as z.ZodType;
    const kept: unknown[] = [];
    raw.forEach((item, i) => {
      const parsed = element.safeParse(item);
      if (parsed.success) kept.push(parsed.data);
      else invalid.push(`${join(path, String(i))}`);
    });
    const whole = schema.safeParse(kept);
    if (whole.success) return whole.data;
    invalid.push(path || '(root)');
    return fallback;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  invalid.push(path || '(root)');
  return fallback;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * What to write back: `value` over the stored object, keeping fields this
 * build does not know (written by a later version), so a downgrade followed
 * by a change never deletes a later build's settings.
 */
export function mergeKeepingUnknown(stored: unknown, value: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = { ...stored };
  for (const [key, next] of Object.entries(value)) out[key] = mergeKeepingUnknown(stored[key], next);
  return out;
}
