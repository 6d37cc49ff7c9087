/**
 * The hover card UI: React, the card components and the card data, loaded
 * into a page only when a card is first needed. The background injects it
 * (`card/load-ui`, entrypoints/background/card-ui.ts) into the frame of the
 * mentions content script that asked, whose isolated world it shares.
 */
import { startCardUi } from './controller';

export default defineContentScript({
  // Never injected by the manifest or a registration: only by `scripting.executeScript`.
  registration: 'runtime',
  // WXT would otherwise announce the script to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  // WXT's `ctx` is retired at once, as in the mentions script (a page can fire
  // the event it listens for): the card UI lives exactly as long as the
  // mentions script's run it attaches to.
  main(ctx) {
    ctx.abort();
    startCardUi();
  },
});
