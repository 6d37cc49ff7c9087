/**
 * When the mentions script marks a page, and when it stops: once per
 * document, following the user's settings without a reload, and never
 * because the page said so.
 *
 * - **Once per document.** The worker injects the script into tabs that were
 *   open before it could run there (install, update, enable, a site switched
 *   on or granted), and the registration may inject it into the same
 *   document too. The first copy sets a flag in the extension's isolated
 *   world, which the page cannot see; any later copy finds it and does nothing.
 * - **Settings.** It asks the worker for its page's part of the settings
 *   (`page/config`) when it starts and again whenever the worker announces
 *   that settings changed. Switched off or paused here: it stops, removing
 *   every mark and listener. Code blocks switched on or off: it marks the
 *   page again. Hover settings and theme go to the card UI as they are.
 * - **An update.** The old copy is left behind in a world of its own, cut off
 *   from the extension (`browser.runtime.id` is gone). The new copy
 *   dispatches a DOM event when it starts; the old one takes that only as a
 *   hint to check whether it is cut off, and stands down if so. A page can
 *   dispatch that event (or WXT's `…:wxt:content-script-started`, which
 *   this script ignores, as it ignores `postMessage`) as often as it likes:
 *   a copy that is still connected never stops because of it.
 */
import { sendGuarded } from '@/lib/browser/send-guarded';
import { isolatedWorld, type CardConfig, type IsolatedWorld } from '@/lib/browser/isolated-world';
import { isPageConfigReply, parseDataChanged } from '@/lib/content-guard';
import type { PageConfig } from '@/lib/page-config';
import { publishMentionsApi } from './api';
import { startCardTrigger } from './card-trigger';
import { onMentionHover, startHoverTracking } from './hover';
import { BusyClock } from './perf';
import { MentionRegistry } from './registry';
import { startScanner } from './scanner';
import { startShareLinkWatch } from './share-link';

/** The event a starting copy dispatches on the document: a hint for an older, cut-off copy (see above). */
export const STARTED_HINT_EVENT = 'engine-lens-mentions-started';

/**
 * What the script uses when the worker cannot answer `page/config`: the
 * default settings (a unit test keeps them equal to lib/settings.ts). The
 * registration only injects it where the user's settings let it run.
 */
export const FALLBACK_PAGE_CONFIG: PageConfig = {
  enabled: true,
  includeCode: false,
  hoverDelayMs: 300,
  requireModifier: false,
  theme: 'auto',
};

/** Starts the mentions script in this document unless a copy already runs here. */
export function startMentionsOnce(doc: Document = document): void {
  const world = isolatedWorld();
  if (world.mentionsRunning) return;
  world.mentionsRunning = true;
  new MentionsScript(doc, world).start();
}

/** The extension this copy belongs to is still there (an update or a removal cuts a copy off). */
function connected(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

class MentionsScript {
  /** Until this copy stops for good (switched off, paused, cut off). */
  private readonly life = new AbortController();
  /** The current marking run; replaced when code blocks are switched on or off. */
  private run: AbortController | null = null;
  private config: PageConfig | null = null;
  private readonly configListeners = new Set<() => void>();
  /** Bumped per `page/config` request, so an older answer never overrides a newer one. */
  private requestSeq = 0;

  constructor(
    private readonly doc: Document,
    private readonly world: IsolatedWorld,
  ) {}

  start(): void {
    // Before listening: this copy's own hint is not for itself.
    this.doc.dispatchEvent(new CustomEvent(STARTED_HINT_EVENT));
    this.doc.addEventListener(STARTED_HINT_EVENT, () => this.standDownIfCutOff(), { signal: this.life.signal });
    browser.runtime.onMessage.addListener(this.onMessage);
    void this.refresh();
  }

  /** The worker's `data/changed` push: settings changed somewhere, so ask again. */
  private readonly onMessage = (raw: unknown, sender: { id?: string }): undefined => {
    if (sender.id !== browser.runtime.id) return;
    const message = parseDataChanged(raw);
    if (message?.changed.includes('settings')) void this.refresh();
    return undefined; // no reply
  };

  private async refresh(): Promise<void> {
    const seq = ++this.requestSeq;
    let config: PageConfig;
    try {
      config = await sendGuarded({ type: 'page/config' }, isPageConfigReply);
    } catch (error) {
      if (this.standDownIfCutOff()) return;
      console.error('[Engine Lens] could not read this page’s settings; using the defaults', error);
      config = this.config ?? FALLBACK_PAGE_CONFIG;
    }
    if (seq !== this.requestSeq || this.life.signal.aborted) return;
    this.apply(config);
  }

  private apply(config: PageConfig): void {
    const previous = this.config;
    this.config = config;
    if (!config.enabled) {
      this.stop();
      return;
    }
    if (this.run && previous?.includeCode !== config.includeCode) {
      this.run.abort();
      this.run = null;
    }
    if (!this.run) {
      this.run = this.startRun(config);
      return;
    }
    if (
      !previous ||
      previous.hoverDelayMs !== config.hoverDelayMs ||
      previous.requireModifier !== config.requireModifier ||
      previous.theme !== config.theme
    ) {
      for (const listener of this.configListeners) listener();
    }
  }

  /** Marks the page and follows hovers until the returned controller (or this copy's life) aborts. */
  private startRun(config: PageConfig): AbortController {
    const run = new AbortController();
    const signal = AbortSignal.any([run.signal, this.life.signal]);
    const clock = new BusyClock();
    const registry = clock.time(() => new MentionRegistry(this.doc));
    const unpublish = publishMentionsApi(registry, {
      signal,
      config: () => this.cardConfig(),
      onConfigChange: (listener) => {
        this.configListeners.add(listener);
        return () => this.configListeners.delete(listener);
      },
    });
    startHoverTracking(this.doc, registry, clock, signal);
    startCardTrigger(registry, signal, () => this.config?.requireModifier ?? false); // loads the hover card UI on first need
    startShareLinkWatch(signal); // offers the import of a shared pin (#engine-lens=…)
    startScanner(this.doc, { registry, clock, signal, includeCode: config.includeCode });
    // A copy left behind by an update notices on the next hover that it is cut off.
    const stopWatch = onMentionHover((event) => {
      if (event.type === 'enter') this.standDownIfCutOff();
    });
    signal.addEventListener('abort', () => {
      stopWatch();
      registry.dispose();
      unpublish();
      this.configListeners.clear();
    });
    return run;
  }

  private cardConfig(): CardConfig {
    const { hoverDelayMs, requireModifier, theme } = this.config ?? FALLBACK_PAGE_CONFIG;
    return { hoverDelayMs, requireModifier, theme };
  }

  /** Stops for good if the extension is gone (this copy was left behind by an update); returns whether it did. */
  private standDownIfCutOff(): boolean {
    if (connected()) return false;
    this.stop();
    return true;
  }

  /** Removes every mark and listener; a later injection into this document starts afresh. */
  private stop(): void {
    if (this.life.signal.aborted) return;
    this.life.abort();
    this.run = null;
    try {
      browser.runtime.onMessage.removeListener(this.onMessage);
    } catch {
      // cut off from the extension: there is nothing left to remove
    }
    this.world.mentionsRunning = false;
  }
}
