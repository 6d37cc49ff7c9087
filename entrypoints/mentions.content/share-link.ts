/**
 * Notices a share link (`#engine-lens=<payload>`, lib/share-link.ts) in the
 * page's address, on load and after a soft navigation, and asks the worker to
 * offer the import in Engine Lens's own page (`pins/open-import`). Nothing is
 * decoded or shown here and nothing is imported: the import page previews the
 * pin and waits for the user. The fragment is then taken out of the address
 * (history.replaceState, no navigation), so a reload does not offer it again
 * and the page's later scripts do not find it.
 *
 * Zod-free and small: part of the always-loaded mentions bundle.
 */
import { sendGuarded } from '@/lib/browser/send-guarded';
import { isOpenImportReply } from '@/lib/content-guard';
import { payloadOfFragment } from '@/lib/share-link';

/** Events after which the address may have changed without a page load (GitHub's Turbo, the History API, `#…` links). */
const ADDRESS_EVENTS = ['hashchange', 'popstate', 'turbo:load', 'turbo:render'] as const;

/** Watches the address until `signal` aborts. */
export function startShareLinkWatch(signal: AbortSignal): void {
  let offered: string | null = null;
  const check = () => {
    const payload = payloadOfFragment(location.hash);
    if (payload === null || payload === offered) return;
    offered = payload;
    try {
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    } catch {
      // A state this world cannot clone back (Firefox's wrappers): the address keeps its fragment.
    }
    sendGuarded({ type: 'pins/open-import', payload }, isOpenImportReply).catch((error: unknown) =>
      console.error('[Engine Lens] could not offer the shared pin', error),
    );
  };
  // Turbo's events are dispatched on the document and bubble to the window.
  for (const type of ADDRESS_EVENTS) window.addEventListener(type, check, { signal });
  // pushState fires no event of its own; the Navigation API reports it where the browser has one.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check, { signal });
  check();
}
