/**
 * Brings tabs that are already open in line with where the mentions script
 * runs. The registration (./content-scripts.ts) only covers documents that
 * start after it: tabs open when Engine Lens is installed, updated or
 * enabled, or when a site is switched on or granted, would stay unmarked
 * until reloaded. So the worker injects the script into each open tab whose
 * page it now covers, and moves the underline style of open tabs along when
 * that setting changes.
 *
 * Once per document: a probe asks the tab's isolated world first, and the
 * script itself does nothing when a copy already runs there
 * (mentions.content/lifecycle.ts). Tabs the script no longer covers need
 * nothing from here: the `data/changed` push makes their copy ask for its
 * page's settings, and it stops itself.
 *
 * Why not webext-dynamic-content-scripts: it registers the manifest's
 * `content_scripts` on origins granted later and injects them into matching
 * tabs, while here every site (default ones too) can be switched off or
 * paused, so nothing is declared in the manifest and the registration is
 * computed from the settings; and its injection into existing tabs has no
 * once-per-document guard or stand-down of a copy an update left behind,
 * which are the parts this module needs.
 */
import { ISOLATED_WORLD_KEY } from '@/lib/browser/isolated-world';
import type { UnderlineStyle } from '@/lib/settings';
import { sitesCover } from '@/lib/sites';
import { mentionsCss, UNDERLINE_FILES } from './content-scripts';

/** The mentions script's bundle (the registration's `js`, as a public path). */
const MENTIONS_SCRIPT = '/content-scripts/mentions.js';

export interface OpenTabsSync {
  /** Where the script runs now. */
  sites: { matches: readonly string[]; excludeMatches: readonly string[] };
  underline: UnderlineStyle;
  /** The underline style changed: restyle tabs where the script already runs. */
  restyle: boolean;
}

/** What happened in each tab, for tests and the log. */
export type TabOutcome = 'injected' | 'restyled' | 'unchanged' | 'skipped' | 'failed';

/** Injects the script into every open tab it now covers and does not run in yet; restyles the others if asked. */
export async function syncOpenTabs(sync: OpenTabsSync): Promise<TabOutcome[]> {
  // Without the "tabs" permission, `url` is set only for tabs whose site Engine Lens has permission for.
  const tabs = await browser.tabs.query({});
  return Promise.all(
    tabs.map((tab) => {
      if (tab.id === undefined || !tab.url || !sitesCover(sync.sites, tab.url)) return 'skipped' as const;
      return syncTab(tab.id, sync).catch(() => 'failed' as const); // closed meanwhile, an error page, a browser page
    }),
  );
}

async function syncTab(tabId: number, { underline, restyle }: OpenTabsSync): Promise<TabOutcome> {
  const target = { tabId, frameIds: [0] };
  const [probe] = await browser.scripting.executeScript({
    target,
    // Runs in the extension's isolated world (the default), which the page cannot reach.
    func: (key: string) => Boolean((globalThis as Record<symbol, { mentionsRunning?: boolean } | undefined>)[Symbol.for(key)]?.mentionsRunning),
    args: [ISOLATED_WORLD_KEY],
  });
  if (probe?.result === true) {
    if (!restyle) return 'unchanged';
    await restyleTab(tabId, underline);
    return 'restyled';
  }
  // CSS first, so the marks are drawn in the right style from the first frame. A sheet this worker
  // inserted before (the site switched off and on again) is taken out first, so they never pile up.
  await browser.scripting.removeCSS({ target, files: mentionsCss(underline) }).catch(() => undefined);
  await browser.scripting.insertCSS({ target, files: mentionsCss(underline) });
  await browser.scripting.executeScript({ target, files: [MENTIONS_SCRIPT] });
  return 'injected';
}

/**
 * Replaces the underline style sheet of a tab. A sheet inserted later wins
 * over the registration's (same specificity, later in the cascade), so
 * removing every style this worker inserted before and inserting the current
 * one is enough.
 */
async function restyleTab(tabId: number, underline: UnderlineStyle): Promise<void> {
  const target = { tabId, frameIds: [0] };
  const others = Object.values(UNDERLINE_FILES).filter((file) => file !== UNDERLINE_FILES[underline]);
  await Promise.all(others.map((file) => browser.scripting.removeCSS({ target, files: [file] }).catch(() => undefined)));
  await browser.scripting.removeCSS({ target, files: [UNDERLINE_FILES[underline]] }).catch(() => undefined);
  await browser.scripting.insertCSS({ target, files: [UNDERLINE_FILES[underline]] });
}
