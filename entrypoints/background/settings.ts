/**
 * The worker's settings service: reads and changes the stored settings and
 * applies them: where the mentions script runs, and the push that tells open
 * pages and tabs to pick them up.
 */
import { mentionScriptSites } from '@/lib/sites';
import type { Settings, SettingsPatch } from '@/lib/settings';
import { broadcastChange } from './broadcast';
import { registerMentionScripts } from './content-scripts';
import { database } from './data';
import { appendLog } from './log-store';
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

/** Registers the mentions content script where the settings say it runs. */
export async function applySiteSettings(settings: Settings): Promise<void> {
  const sites = mentionScriptSites(
    {
      enabledDefaults: settings.preferences.sites,
      customSites: settings.sources.customSites,
      pausedOrigins: settings.sources.pausedOrigins,
    },
    await grantedOrigins(),
  );
  await registerMentionScripts(sites);
}

/** Applies the stored settings; run on every worker start. */
export async function applyStoredSettings(): Promise<void> {
  await applySiteSettings(await currentSettings());
}

/** Changes the settings, applies them and tells open pages and tabs. */
export async function changeSettings(patch: SettingsPatch): Promise<Settings> {
  const settings = await updateSettings(patch);
  await applySiteSettings(settings);
  void broadcastChange(['settings']);
  return settings;
}
