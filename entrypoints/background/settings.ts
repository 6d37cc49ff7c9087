/**
 * The worker's settings service: reads and changes the stored settings and
 * applies them: where the mentions script runs (registration and tabs that
 * are already open), and the push that tells open pages and tabs to pick
 * them up.
 */
import { patternsNoLongerNeeded } from '@/lib/options';
import { pageConfigFor, type PageConfig } from '@/lib/page-config';
import { mentionScriptSites } from '@/lib/sites';
import type { Settings, SettingsPatch } from '@/lib/settings';
import { broadcastChange } from './broadcast';
import { registerMentionScripts } from './content-scripts';
import { database } from './data';
import { appendLog } from './log-store';
import { syncOpenTabs } from './open-tabs';
import { readSettings, updateSettings } from './settings-store';

/** The stored settings; invalid stored fields (defaults used instead) are logged once. */
export async function currentSettings(): Promise<Settings> {
  const { settings, invalid } = await readSettings();
  if (invalid.length > 0) {
    const db = await database();
    if (db) {
      await appendLog(db, 'repair', `Some stored settings could not be read and use their defaults: ${invalid.join(', ')}.`, {
        unlessRepeated: true,
      });
    }
  }
  return settings;
}

/** Origins (as match patterns) the browser granted this extension. */
async function grantedOrigins(): Promise<Set<string>> {
  const { origins = [] } = await browser.permissions.getAll();
  return new Set(origins);
}

/** Where the mentions script runs under `settings`. */
async function scriptSites(settings: Settings) {
  return mentionScriptSites(
    {
      enabledDefaults: settings.preferences.sites,
      customSites: settings.sources.customSites,
      pausedOrigins: settings.sources.pausedOrigins,
    },
    await grantedOrigins(),
  );
}

/**
 * Registers the mentions content script where the settings say it runs and
 * brings open tabs along: injects it where it now runs and is missing, and
 * restyles the marks when `restyle`.
 */
export async function applySiteSettings(settings: Settings, { openTabs = true, restyle = false } = {}): Promise<void> {
  const sites = await scriptSites(settings);
  const underline = settings.preferences.hover.underline;
  await registerMentionScripts({ ...sites, underline });
  if (openTabs) await syncOpenTabs({ sites, underline, restyle });
}

/** storage.session is cleared when the extension is installed, updated, enabled or the browser starts. */
const OPEN_TABS_SYNCED_KEY = 'openTabsSynced';

/**
 * Applies the stored settings; run on every worker start. The first start
 * after an install, an update, enabling the extension or a browser start also
 * injects the script into open tabs (later starts are the same worker waking
 * up, and the tabs already have it).
 */
export async function applyStoredSettings(): Promise<void> {
  const session = browser.storage.session;
  const synced = session ? Boolean((await session.get(OPEN_TABS_SYNCED_KEY))[OPEN_TABS_SYNCED_KEY]) : false;
  await applySiteSettings(await currentSettings(), { openTabs: !synced });
  if (!synced) await session?.set({ [OPEN_TABS_SYNCED_KEY]: true });
}

// Changes are applied one at a time: two quick changes (a slider, two switches)
// never interleave their read-modify-write of the stored settings.
let changes: Promise<unknown> = Promise.resolve();

/** Changes the settings, applies them and tells open pages and tabs. */
export function changeSettings(patch: SettingsPatch): Promise<Settings> {
  const run = changes.then(async () => {
    const before = await currentSettings();
    const settings = await updateSettings(patch);
    // A site or feed removed: give back the host permission nothing needs any more (no prompt needed).
    const unneeded = patternsNoLongerNeeded(before, settings);
    if (unneeded.length > 0) await browser.permissions.remove({ origins: unneeded }).catch(() => false);
    await applySiteSettings(settings, { restyle: before.preferences.hover.underline !== settings.preferences.hover.underline });
    void broadcastChange(['settings']);
    return settings;
  });
  changes = run.catch(() => undefined);
  return run;
}

/** The browser granted or took back a permission (a site's): where the script runs may have changed. */
export async function onPermissionsChanged(): Promise<void> {
  await applySiteSettings(await currentSettings());
  void broadcastChange(['settings']);
}

/** The `page/config` reply for a content script, from its URL as the browser reports it. */
export async function pageConfigForSender(url: string | undefined): Promise<PageConfig> {
  return pageConfigFor(await currentSettings(), await grantedOrigins(), url);
}
