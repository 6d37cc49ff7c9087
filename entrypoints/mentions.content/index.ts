/**
 * The mentions content script: marks every vLLM / TensorRT-LLM mention on the
 * page with CSS Custom Highlights, keeps the marks in step with the page, and
 * reports hovers. It never modifies the page's DOM.
 *
 * Registered at run time by the background (entrypoints/background/content-scripts.ts)
 * for the sites in lib/sites.ts, so the site list can change without a rebuild.
 * Keep this bundle small (≤ 15 KB gzipped): no React, no zod here.
 */
import './style.css';
import { publishMentionsApi } from './api';
import { startCardTrigger } from './card-trigger';
import { startHoverTracking } from './hover';
import { BusyClock } from './perf';
import { MentionRegistry } from './registry';
import { startScanner } from './scanner';
import { startShareLinkWatch } from './share-link';

export default defineContentScript({
  registration: 'runtime',
  // WXT would otherwise announce the script to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const clock = new BusyClock();
    const registry = clock.time(() => new MentionRegistry(document));
    const unpublish = publishMentionsApi(registry);
    startHoverTracking(document, registry, clock, ctx.signal);
    startCardTrigger(registry, ctx.signal); // loads the hover card UI on first need
    startShareLinkWatch(ctx.signal); // offers the import of a shared pin (#engine-lens=…)
    // Code stays excluded until a setting to include it exists.
    startScanner(document, { registry, clock, signal: ctx.signal, includeCode: false });
    // A newer copy of the script (extension updated or reloaded) takes over: leave nothing behind.
    ctx.onInvalidated(() => {
      registry.dispose();
      unpublish();
    });
  },
});
