/**
 * Share links: a supported-site URL whose fragment is `#engine-lens=<payload>`
 * (the payload is lib/share.ts's). This module only finds, builds and checks
 * links; it decodes nothing and bundles no zod, because the always-loaded
 * mentions content script uses it (entrypoints/mentions.content/share-link.ts).
 * Pure.
 *
 * A fragment never reaches the site's server, but the site's own scripts can
 * read it from the address bar: a share link is as private as the place it is
 * pasted, and the UI says so.
 */
import { DEFAULT_MATCH_PATTERNS } from './sites';

/** The fragment key: `https://github.com/org/repo#engine-lens=1.…`. */
export const SHARE_FRAGMENT_KEY = 'engine-lens';
const PREFIX = `#${SHARE_FRAGMENT_KEY}=`;

/** The payload format this build writes and reads (the number before the first "."). */
export const SHARE_FORMAT_VERSION = 1;

/** Most bytes a payload may decode to (the pin's JSON, UTF-8). */
export const SHARE_DECODED_MAX = 8 * 1024;

/**
 * Longest payload a reader looks at. 8 KB deflated (deflate never grows data
 * by more than a few bytes) is at most 10,930 base64url characters; anything
 * longer was not written by Engine Lens.
 */
export const SHARE_PAYLOAD_MAX = 11_000;

/**
 * Longest link "Copy share link" writes. GitHub takes comments of up to
 * 65,536 characters; a link under 8,000 leaves room for the Markdown summary
 * it is usually pasted with, and stays under the 8 KB that many servers,
 * proxies and chat tools accept for a URL. Longer pins are shared as JSON.
 */
export const SHARE_LINK_MAX = 8_000;

/** A payload as written: format number, ".", base64url. */
const PAYLOAD_SHAPE = /^\d{1,4}\.[A-Za-z0-9_-]+$/;

export function looksLikePayload(text: string): boolean {
  return text.length <= SHARE_PAYLOAD_MAX && PAYLOAD_SHAPE.test(text);
}

/**
 * The payload in a URL fragment (`location.hash`), or null when the fragment
 * is not an Engine Lens one. The payload is returned as found (malformed ones
 * too, so the import page can say what is wrong), cut one character past
 * {@link SHARE_PAYLOAD_MAX} so an oversized one is still recognised as such.
 */
export function payloadOfFragment(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  return hash.slice(PREFIX.length, PREFIX.length + SHARE_PAYLOAD_MAX + 1);
}

/** True when `url` matches a WebExtension match pattern (`https://*.example.com/*`). */
export function matchesPattern(url: URL, pattern: string): boolean {
  const parts = /^(https?|\*):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(url.pathname + url.search);
}

/** The URL when it is a page of a site Engine Lens runs on, else null. */
export function supportedPage(text: string, patterns: readonly string[] = DEFAULT_MATCH_PATTERNS): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  return patterns.some((pattern) => matchesPattern(url, pattern)) ? url : null;
}

export type ShareLinkResult =
  | { ok: true; link: string }
  | { ok: false; problem: 'unsupported-page' | 'too-long'; message: string };

/** The share link for `payload` on the page `pageUrl` (any fragment it had is replaced). */
export function shareLink(
  pageUrl: string,
  payload: string,
  patterns: readonly string[] = DEFAULT_MATCH_PATTERNS,
): ShareLinkResult {
  const page = supportedPage(pageUrl, patterns);
  if (!page) {
    return {
      ok: false,
      problem: 'unsupported-page',
      message: 'A share link must point at a page of a site Engine Lens runs on, such as https://github.com/….',
    };
  }
  page.hash = '';
  const link = `${page.href}${PREFIX}${payload}`;
  if (link.length > SHARE_LINK_MAX) {
    return {
      ok: false,
      problem: 'too-long',
      message: `This pin makes a link of ${link.length.toLocaleString('en')} characters, longer than the ${SHARE_LINK_MAX.toLocaleString('en')} a link may have. Export it as JSON instead.`,
    };
  }
  return { ok: true, link };
}

/** What a user pasted into the import page. */
export type PastedImport =
  | { kind: 'payload'; payload: string }
  | { kind: 'json'; text: string }
  | { kind: 'unknown' };

/** Tells a pasted share link, bare payload or JSON document apart (nothing is decoded yet). */
export function classifyPasted(text: string): PastedImport {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { kind: 'json', text: trimmed };
  const at = trimmed.indexOf(PREFIX);
  if (at >= 0) return { kind: 'payload', payload: trimmed.slice(at + PREFIX.length, at + PREFIX.length + SHARE_PAYLOAD_MAX + 1) };
  if (/^\d{1,4}\./.test(trimmed)) return { kind: 'payload', payload: trimmed.slice(0, SHARE_PAYLOAD_MAX + 1) };
  return { kind: 'unknown' };
}
