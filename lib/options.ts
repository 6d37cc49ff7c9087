/**
 * Pure helpers for the options page: which host permissions a setting needs,
 * which ones a change makes unneeded, how sizes and intervals read.
 */
import { HttpsUrlSchema, type Settings } from './settings';
import { DEFAULT_MATCH_PATTERNS, originPattern } from './sites';

/** The host permission a feed URL needs (its origin's pages), or null for a URL that is not an https feed URL. */
export function feedPermissionPattern(url: string): string | null {
  if (!HttpsUrlSchema.safeParse(url).success) return null;
  return originPattern(new URL(url).origin);
}

/** Every optional host permission the settings rely on: the user's sites and the hosts of their feeds. */
export function neededOptionalPatterns(settings: Settings): Set<string> {
  const { customSites, datasetFeedUrl, teamFeedUrls } = settings.sources;
  const patterns = new Set(customSites.map((site) => originPattern(site.origin)));
  for (const url of [datasetFeedUrl, ...teamFeedUrls]) {
    const pattern = url === null ? null : feedPermissionPattern(url);
    if (pattern) patterns.add(pattern);
  }
  for (const pattern of DEFAULT_MATCH_PATTERNS) patterns.delete(pattern); // required ones are never given back
  return patterns;
}

/** Patterns `before` needed that `after` does not: permissions to give back after a removal. */
export function patternsNoLongerNeeded(before: Settings, after: Settings): string[] {
  const still = neededOptionalPatterns(after);
  return [...neededOptionalPatterns(before)].filter((pattern) => !still.has(pattern));
}

/** A byte count for people: "0 bytes", "812 bytes", "14.2 KB", "3.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The refresh intervals the options page offers (hours), each with its label. */
export const REFRESH_CHOICES: ReadonlyArray<readonly [number, string]> = [
  [1, 'Every hour'],
  [3, 'Every 3 hours'],
  [6, 'Every 6 hours'],
  [12, 'Every 12 hours'],
  [24, 'Once a day'],
  [72, 'Every 3 days'],
  [168, 'Once a week'],
];

/** The choices with `current` among them (a value synced from elsewhere may be any whole number of hours). */
export function refreshChoices(current: number): ReadonlyArray<readonly [number, string]> {
  if (REFRESH_CHOICES.some(([hours]) => hours === current)) return REFRESH_CHOICES;
  return [...REFRESH_CHOICES, [current, `Every ${current} hours`] as const].sort((a, b) => a[0] - b[0]);
}
