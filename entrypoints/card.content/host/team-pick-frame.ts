/**
 * The address of the card's team-pick frame (entrypoints/team-pick). In a
 * content script Chrome's `runtime.getURL` gives the session's dynamic URL
 * for a resource listed with `use_dynamic_url` (wxt.config.ts), so a page
 * cannot probe for the extension by its fixed id. Only the theme travels in
 * the address; the frame fetches the pick itself.
 */
import type { Theme } from '@/lib/theme';

export function teamPickFrameUrl(theme: Theme): string {
  return `${browser.runtime.getURL('/team-pick.html')}?theme=${theme}`;
}
