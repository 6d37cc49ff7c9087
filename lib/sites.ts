/**
 * The sites Engine Lens marks by default, as WebExtension match patterns.
 *
 * This list feeds two things: the manifest's `host_permissions` (wxt.config.ts,
 * at build time) and the run-time registration of the mentions content script
 * (entrypoints/background/content-scripts.ts). Because the content script is
 * registered at run time, a later setting can switch sites off or add the user's
 * own (through optional permissions) without a rebuild: pass a different list to
 * `registerMentionScripts`.
 */

/** One default site, grouped so a settings page can offer it as a single switch. */
export interface Site {
  /** Stable identifier, safe to store in settings. */
  id: string;
  /** What a settings page shows. */
  label: string;
  /** Match patterns (https only: none of these sites serve pages over http). */
  matches: readonly string[];
}

export const DEFAULT_SITES: readonly Site[] = [
  { id: 'github', label: 'GitHub and Gist', matches: ['https://github.com/*', 'https://gist.github.com/*'] },
  {
    id: 'vllm',
    label: 'vLLM docs, blog and forum',
    matches: ['https://docs.vllm.ai/*', 'https://blog.vllm.ai/*', 'https://discuss.vllm.ai/*'],
  },
  {
    id: 'nvidia',
    label: 'NVIDIA docs, developer site and forums (incl. TensorRT-LLM docs)',
    matches: [
      'https://nvidia.github.io/*',
      'https://docs.nvidia.com/*',
      'https://developer.nvidia.com/*',
      'https://forums.developer.nvidia.com/*',
    ],
  },
  {
    id: 'huggingface',
    label: 'Hugging Face and its forum',
    matches: ['https://huggingface.co/*', 'https://discuss.huggingface.co/*'],
  },
  { id: 'reddit', label: 'Reddit (www and old)', matches: ['https://www.reddit.com/*', 'https://old.reddit.com/*'] },
  { id: 'hackernews', label: 'Hacker News', matches: ['https://news.ycombinator.com/*'] },
  { id: 'stackoverflow', label: 'Stack Overflow', matches: ['https://stackoverflow.com/*'] },
];

/** All match patterns of the given sites, in order, without duplicates. */
export function matchPatternsOf(sites: readonly Site[]): string[] {
  return [...new Set(sites.flatMap((site) => site.matches))];
}

/** Every default match pattern: the manifest's host permissions. */
export const DEFAULT_MATCH_PATTERNS: readonly string[] = matchPatternsOf(DEFAULT_SITES);

/** The match pattern that covers every page of an https origin. */
export const originPattern = (origin: string): string => `${origin}/*`;

/** The parts of the settings that decide where the mentions script runs. */
export interface SiteSettings {
  /** Default sites by id: on or off (missing: on). */
  enabledDefaults: Readonly<Record<string, boolean>>;
  customSites: ReadonlyArray<{ origin: string; enabled: boolean }>;
  pausedOrigins: readonly string[];
}

/**
 * Where the mentions content script is registered: the enabled default
 * sites, plus the user's own sites that are on and whose permission the
 * browser granted, minus the paused origins. Pure: the caller passes what
 * `permissions.getAll()` reports.
 */
export function mentionScriptSites(
  settings: SiteSettings,
  grantedOrigins: ReadonlySet<string>,
): { matches: string[]; excludeMatches: string[] } {
  const defaults = matchPatternsOf(DEFAULT_SITES.filter((site) => settings.enabledDefaults[site.id] !== false));
  const custom = settings.customSites
    .filter((site) => site.enabled && grantedOrigins.has(originPattern(site.origin)))
    .map((site) => originPattern(site.origin));
  return {
    matches: [...new Set([...defaults, ...custom])],
    excludeMatches: [...new Set(settings.pausedOrigins.map(originPattern))],
  };
}

/**
 * Whether `url` is matched by a WebExtension match pattern of the forms this
 * code base uses: `scheme://host/path`, where the scheme is `https`, `http`
 * or `*` (both), the host is exact, `*.example.com` (the domain and its
 * subdomains) or `*`, and `*` in the path matches anything. Pure, so the
 * worker and the pages decide "does Engine Lens run here?" the same way the
 * browser's registration does.
 */
export function patternMatches(pattern: string, url: string): boolean {
  const parts = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = target.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'https' && protocol !== 'http' : protocol !== scheme) return false;
  const hostname = target.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const domain = host.slice(2).toLowerCase();
      if (hostname !== domain && !hostname.endsWith(`.${domain}`)) return false;
    } else if (hostname !== host.toLowerCase()) return false;
  }
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return glob.test(`${target.pathname}${target.search}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the mentions script runs on `url` for these sites (what the registration gives a new page). */
export function sitesCover(sites: { matches: readonly string[]; excludeMatches: readonly string[] }, url: string): boolean {
  return sites.matches.some((p) => patternMatches(p, url)) && !sites.excludeMatches.some((p) => patternMatches(p, url));
}

/** What the popup says about one page: whether Engine Lens marks it, and whether the user paused it. */
export interface SiteState {
  /** The page's https origin, or null for pages that have none (browser pages, files). */
  origin: string | null;
  /** Engine Lens marks this page now. */
  running: boolean;
  /** The user paused this origin ("Pause on this site"); it would run otherwise. */
  paused: boolean;
}

/** The state of `url` under these settings; pure like {@link mentionScriptSites}. */
export function siteStateOf(settings: SiteSettings, grantedOrigins: ReadonlySet<string>, url: string | undefined): SiteState {
  let origin: string | null = null;
  try {
    const parsed = url ? new URL(url) : null;
    if (parsed?.protocol === 'https:') origin = parsed.origin;
  } catch {
    origin = null;
  }
  if (!url || origin === null) return { origin, running: false, paused: false };
  const sites = mentionScriptSites(settings, grantedOrigins);
  const running = sitesCover(sites, url);
  const paused = !running && settings.pausedOrigins.includes(origin) && sitesCover({ ...sites, excludeMatches: [] }, url);
  return { origin, running, paused };
}
