/**
 * What a content script may know about the settings: only its own page's
 * part (the `page/config` reply). Content scripts share a process with the
 * page they run in, so they never get the whole settings (feed URLs can be a
 * team's private addresses, and the list of sites says where the user reads).
 * Pure: the worker passes the settings, what the browser granted and the
 * sender's URL.
 */
import { z } from 'zod';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, ThemeSettingSchema, type Settings } from './settings';
import { mentionScriptSites, sitesCover } from './sites';

export const PageConfigSchema = z
  .object({
    /** Engine Lens marks this page: its site is on (and granted), and not paused. */
    enabled: z.boolean(),
    /** Also mark mentions inside code blocks and code views. */
    includeCode: z.boolean(),
    /** How long the pointer rests on a mention before its card opens. */
    hoverDelayMs: z.number().int().min(HOVER_DELAY_MIN_MS).max(HOVER_DELAY_MAX_MS),
    /** Cards open only while a modifier key is held. */
    requireModifier: z.boolean(),
    /** The card's theme; `auto` follows the page. */
    theme: ThemeSettingSchema,
  })
  .strict();
export type PageConfig = z.infer<typeof PageConfigSchema>;

/** The part of the settings the page at `url` gets. */
export function pageConfigFor(settings: Settings, grantedOrigins: ReadonlySet<string>, url: string | undefined): PageConfig {
  const sites = mentionScriptSites(
    {
      enabledDefaults: settings.preferences.sites,
      customSites: settings.sources.customSites,
      pausedOrigins: settings.sources.pausedOrigins,
    },
    grantedOrigins,
  );
  const { hover, theme } = settings.preferences;
  return {
    enabled: url !== undefined && sitesCover(sites, url),
    includeCode: hover.includeCode,
    hoverDelayMs: hover.delayMs,
    requireModifier: hover.requireModifier,
    theme,
  };
}
