/**
 * The handshake between the always-loaded mentions content script and the
 * card UI script it loads on first need (entrypoints/card.content).
 *
 * Both run in the extension's one isolated world on the page but are separate
 * bundles with their own module state, so they meet on one object kept on
 * that world's global under {@link CARD_BRIDGE_KEY} (the page's own scripts
 * cannot see it). No runtime dependencies: the mentions script bundles this.
 */
import type { CardTarget } from '@/lib/messaging';

/** What the card UI is asked to do (by the keyboard command or the popup). */
export interface CardOpenRequest {
  target: CardTarget;
  /** Move keyboard focus into the card. */
  focus: boolean;
  /** Scroll the mention into view first. */
  scroll: boolean;
}

/** The card UI, once loaded. */
export interface CardUi {
  /** Opens a card; resolves to false when there is no mention to open it for. */
  open(request: CardOpenRequest): Promise<boolean>;
}

export interface CardBridge {
  /** Set by the card script when it starts. */
  ui: CardUi | null;
  /**
   * The latest time the pointer entered a mention before the card UI ran
   * (`performance.now()`), so the card times its open delay from the real
   * enter, not from when its script happened to load.
   */
  lastEnter: { id: number; at: number } | null;
  /** Requests made before the card UI ran; the card script takes them when it starts. */
  pending: Array<{ request: CardOpenRequest; resolve: (opened: boolean) => void }>;
}

/** Global key of the bridge (a registered symbol, so both bundles build the same key). */
export const CARD_BRIDGE_KEY = Symbol.for('engine-lens.card-bridge');

/** The bridge of this isolated world, created on first use. */
export function cardBridge(): CardBridge {
  const global = globalThis as Record<symbol, CardBridge | undefined>;
  return (global[CARD_BRIDGE_KEY] ??= { ui: null, lastEnter: null, pending: [] });
}
