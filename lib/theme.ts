/**
 * Which theme the card uses: the host page's, so a card on a dark GitHub page
 * is dark even when the system is light, and the reverse.
 *
 * GitHub states its theme on <html>: `data-color-mode` is "light", "dark" or
 * "auto" (follow the system), and `data-light-theme` / `data-dark-theme` name
 * the theme used in each mode ("light", "dark_dimmed", "dark_high_contrast"…).
 * Documentation sites built with pydata-sphinx, Docusaurus and Furo put
 * `data-theme="light" | "dark"` there. Anything else follows the system
 * (`prefers-color-scheme`). Pure: the caller passes the document and the
 * media query's answer.
 */

export type Theme = 'light' | 'dark';

/** The part of a Document this module reads. */
export interface ThemeRoot {
  documentElement: { getAttribute(name: string): string | null } | null;
}

/** A theme name's own lightness: GitHub's names start with "light" or "dark". */
function themeOfName(name: string | null): Theme | null {
  const value = name?.trim().toLowerCase() ?? '';
  if (value.startsWith('dark')) return 'dark';
  if (value.startsWith('light')) return 'light';
  return null;
}

/** GitHub's setting, or null when the page does not state one. */
function githubTheme(html: { getAttribute(name: string): string | null }, prefersDark: boolean): Theme | null {
  const mode = html.getAttribute('data-color-mode')?.trim().toLowerCase();
  if (mode !== 'light' && mode !== 'dark' && mode !== 'auto') return null;
  const active: Theme = mode === 'auto' ? (prefersDark ? 'dark' : 'light') : mode;
  // The named theme decides when it says which it is: a "light" slot can hold a
  // dark theme in GitHub's single-theme setting. Otherwise the mode decides.
  const name = html.getAttribute(active === 'dark' ? 'data-dark-theme' : 'data-light-theme');
  return themeOfName(name) ?? active;
}

/** The page's theme: GitHub's setting, then a plain `data-theme`, then the system preference. */
export function detectTheme(root: ThemeRoot, prefersDark: boolean): Theme {
  const html = root.documentElement;
  if (!html) return prefersDark ? 'dark' : 'light';
  const github = githubTheme(html, prefersDark);
  if (github) return github;
  const plain = html.getAttribute('data-theme')?.trim().toLowerCase();
  if (plain === 'light' || plain === 'dark') return plain;
  return prefersDark ? 'dark' : 'light';
}

/** The card's theme for the user's setting: `auto` is the page's theme ({@link detectTheme}). */
export function resolveCardTheme(setting: 'auto' | Theme, root: ThemeRoot, prefersDark: boolean): Theme {
  return setting === 'auto' ? detectTheme(root, prefersDark) : setting;
}

/** An extension page's theme for the user's setting: `auto` is the system's. */
export function resolvePageTheme(setting: 'auto' | Theme, prefersDark: boolean): Theme {
  return setting === 'auto' ? (prefersDark ? 'dark' : 'light') : setting;
}
