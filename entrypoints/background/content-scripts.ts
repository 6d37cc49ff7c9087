/**
 * Registers the mentions content script at run time (scripting API) instead of
 * in the manifest, so the set of sites can change without a rebuild: the
 * worker calls {@link registerMentionScripts} with the sites the stored
 * settings enable (./settings.ts), on every start and after every change.
 */
import { browser, type Browser } from 'wxt/browser';
import type { UnderlineStyle } from '@/lib/settings';

/** The id of our one dynamic content script registration. */
export const MENTIONS_SCRIPT_ID = 'engine-lens-mentions';

/**
 * Files WXT emits for entrypoints/mentions.content/. The CSS (the highlight
 * underline) must be passed here: with run-time registration nothing else
 * injects it, and browser-injected CSS is what applies under a strict page CSP.
 */
export const MENTIONS_SCRIPT_FILES = {
  js: ['content-scripts/mentions.js'],
  css: ['content-scripts/mentions.css'],
} as const;

/**
 * The line style of the marks, one file per underline setting
 * (assets/public/underline/), injected after the mentions CSS whose line
 * styles it overrides. Changed in open tabs without a reload (./open-tabs.ts).
 */
export const UNDERLINE_FILES: Readonly<Record<UnderlineStyle, string>> = {
  dotted: 'underline/dotted.css',
  solid: 'underline/solid.css',
  none: 'underline/none.css',
};

/** Every stylesheet of the mentions script for an underline style, in injection order. */
export const mentionsCss = (underline: UnderlineStyle): string[] => [...MENTIONS_SCRIPT_FILES.css, UNDERLINE_FILES[underline]];

/** The part of `browser.scripting` this module uses (a parameter so tests can pass a fake). */
export type ScriptingApi = Pick<
  typeof browser.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts' | 'unregisterContentScripts'
>;

/** Where the script runs: match patterns, and patterns excluded from them (paused sites); and how marks are drawn. */
export interface ScriptSites {
  matches: readonly string[];
  excludeMatches?: readonly string[];
  /** Default: the default setting, dotted. */
  underline?: UnderlineStyle;
}

/** The registration for the given sites. */
export function mentionScriptRegistration({
  matches,
  excludeMatches = [],
  underline = 'dotted',
}: ScriptSites): Browser.scripting.RegisteredContentScript {
  return {
    id: MENTIONS_SCRIPT_ID,
    matches: [...matches],
    ...(excludeMatches.length > 0 ? { excludeMatches: [...excludeMatches] } : {}),
    js: [...MENTIONS_SCRIPT_FILES.js],
    css: mentionsCss(underline),
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
}

// Calls are chained so that two overlapping calls (install and startup, or a
// settings change) never race between "is it registered?" and "register".
let queue: Promise<void> = Promise.resolve();

/**
 * Makes sure the mentions content script is registered for `sites`.
 * Idempotent: updates an existing registration, registers a missing one, and
 * unregisters it when no site is left. Safe to call on every worker start.
 */
export function registerMentionScripts(sites: ScriptSites, scripting: ScriptingApi = browser.scripting): Promise<void> {
  const run = queue.then(() => applyRegistration(sites, scripting));
  queue = run.catch(() => {}); // a failure must not block later calls
  return run;
}

async function applyRegistration(sites: ScriptSites, scripting: ScriptingApi): Promise<void> {
  const existing = await scripting.getRegisteredContentScripts({ ids: [MENTIONS_SCRIPT_ID] });
  if (sites.matches.length === 0) {
    // A registration needs at least one pattern: no sites means no script.
    if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [MENTIONS_SCRIPT_ID] });
    return;
  }
  const script = mentionScriptRegistration(sites);
  const [current] = existing;
  if (current) {
    // Called on every worker start: only write when something differs.
    if (!sameRegistration(current, script)) await scripting.updateContentScripts([script]);
    return;
  }
  try {
    await scripting.registerContentScripts([script]);
  } catch (error) {
    // Registered meanwhile by another context of the extension: update it instead.
    if (!/duplicate|already/i.test(String(error))) throw error;
    await scripting.updateContentScripts([script]);
  }
}

/** True when two registrations inject the same files into the same pages. */
function sameRegistration(
  a: Browser.scripting.RegisteredContentScript,
  b: Browser.scripting.RegisteredContentScript,
): boolean {
  const same = (x: readonly string[] = [], y: readonly string[] = []) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return (
    same(a.matches, b.matches) &&
    same(a.js, b.js) &&
    same(a.css, b.css) &&
    same(a.excludeMatches, b.excludeMatches) &&
    (a.runAt ?? 'document_idle') === b.runAt &&
    (a.allFrames ?? false) === b.allFrames
  );
}
