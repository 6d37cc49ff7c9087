/**
 * The content script's public surface for the features built on top of it
 * (hover card, keyboard navigation, page digest).
 *
 * Code bundled into this content script imports these functions directly.
 * A script injected later into the same isolated world (for example the card
 * UI, loaded on demand with `scripting.executeScript`) is a separate bundle
 * with its own module state, so the same functions are also published on the
 * isolated world's global object under {@link MENTIONS_API_KEY}; read them
 * with {@link getMentionsApi}. The page's own scripts cannot see that global:
 * content scripts run in a separate JavaScript world.
 */
import { hoveredMention, onMentionHover, type MentionHoverListener } from './hover';
import type { MentionRegistry, RegisteredMention } from './registry';

export type { MentionHoverEvent, MentionHoverListener } from './hover';
export type { RegisteredMention } from './registry';
export { HIGHLIGHT_NAMES } from './registry';
export { onMentionHover, hoveredMention };

let active: MentionRegistry | null = null;
let unsubscribeActive: (() => void) | null = null;
const changeListeners = new Set<() => void>();

/** Called once by the content script's main with the page's registry (null on shutdown). */
export function setActiveRegistry(registry: MentionRegistry | null): void {
  unsubscribeActive?.();
  active = registry;
  unsubscribeActive =
    registry?.onChange(() => {
      for (const listener of changeListeners) listener();
    }) ?? null;
}

/** Every mention registered on the page, in document order. A fresh array each call. */
export function listMentions(): RegisteredMention[] {
  return active?.list() ?? [];
}

/**
 * Calls `listener` after mentions were added or removed (once per batch, not per
 * mention). May be called before the registry starts. Returns a function that
 * unsubscribes.
 */
export function onMentionsChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** The API object published for other bundles in the same isolated world. */
export interface MentionsApi {
  readonly version: 1;
  listMentions(): RegisteredMention[];
  onMentionsChange(listener: () => void): () => void;
  onMentionHover(listener: MentionHoverListener): () => void;
  hoveredMention(): RegisteredMention | null;
}

/** Global key of the published {@link MentionsApi} (a registered symbol, so any bundle can build it). */
export const MENTIONS_API_KEY = Symbol.for('engine-lens.mentions');

/** Publishes the API on the isolated world's global object. */
export function publishMentionsApi(): void {
  const api: MentionsApi = { version: 1, listMentions, onMentionsChange, onMentionHover, hoveredMention };
  (globalThis as Record<symbol, unknown>)[MENTIONS_API_KEY] = api;
}

/** Removes the published API (content script shut down). */
export function unpublishMentionsApi(): void {
  delete (globalThis as Record<symbol, unknown>)[MENTIONS_API_KEY];
}

/** The API published by the mentions content script, if it runs in this world. */
export function getMentionsApi(): MentionsApi | undefined {
  return (globalThis as Record<symbol, unknown>)[MENTIONS_API_KEY] as MentionsApi | undefined;
}
