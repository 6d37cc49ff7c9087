/**
 * The context-menu entry on selected text, "Compare vLLM and TensorRT-LLM":
 * opens the full comparison next to the tab (like a card's "Open full
 * comparison"). The options page lists it beside the keyboard command.
 */
import { MENTIONS_COMPARISON_ID } from '@/lib/comparisons';
import { openComparisonPage } from './tabs';

export const COMPARE_MENU_ID = 'engine-lens-compare';
export const COMPARE_MENU_TITLE = 'Compare vLLM and TensorRT-LLM';

/** (Re)creates the entry: menus outlive the worker, so this runs on install, update and browser start. */
export async function createContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: COMPARE_MENU_ID, title: COMPARE_MENU_TITLE, contexts: ['selection'] });
}

/** Handles a click on one of Engine Lens's entries; resolves to whether a comparison tab opened. */
export async function onMenuClicked(info: { menuItemId: string | number }, tab?: { id?: number }): Promise<boolean> {
  if (info.menuItemId !== COMPARE_MENU_ID) return false;
  return (await openComparisonPage(MENTIONS_COMPARISON_ID, tab?.id)).opened;
}

/**
 * Listens for clicks. The handler is also published on the worker's global
 * as `engineLensMenuClicked`: headless Chromium cannot open a context menu,
 * so the end-to-end test calls it the way the listener does.
 */
export function listenForMenuClicks(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClicked(info, tab);
  });
  (globalThis as { engineLensMenuClicked?: typeof onMenuClicked }).engineLensMenuClicked = onMenuClicked;
}
