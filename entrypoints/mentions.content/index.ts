/**
 * The mentions content script: marks every vLLM / TensorRT-LLM mention on the
 * page with CSS Custom Highlights, keeps the marks in step with the page, and
 * reports hovers. It never modifies the page's DOM.
 *
 * Registered at run time by the background (entrypoints/background/content-scripts.ts)
 * for the sites the user's settings enable, and injected by it into tabs that
 * were already open; ./lifecycle.ts decides when it runs and when it stops.
 * Keep this bundle small (≤ 15 KB gzipped): no React, no zod here.
 */
import './style.css';
import { startMentionsOnce } from './lifecycle';

export default defineContentScript({
  registration: 'runtime',
  // WXT would otherwise announce the script to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  // WXT's `ctx` retires a copy when the document receives
  // `<extension id>:mentions:wxt:content-script-started`, an event any page can
  // dispatch. It is not used: it is retired at once, which also removes its
  // listener for that event. ./lifecycle.ts retires an old copy its own way.
  main(ctx) {
    ctx.abort();
    startMentionsOnce();
  },
});
