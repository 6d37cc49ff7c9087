/**
 * The one contract between Engine Lens's two content scripts on a page: the
 * always-loaded mentions script (entrypoints/mentions.content) and the card
 * UI it loads on first need (entrypoints/card.content, injected by the
 * worker).
 *
 * Both run in the extension's one isolated world on the page but are
 * separate bundles with their own module state, so they meet on one object
 * kept on that world's global under `Symbol.for(ISOLATED_WORLD_KEY)`. The
 * page's own scripts cannot see it: content scripts run in a separate
 * JavaScript world. No runtime dependencies: the mentions script bundles this.
 */
import type { DetectedEngineId } from '@/lib/detect';
import type { CardTarget } from '@/lib/messaging';
import type { PageConfig } from '@/lib/page-config';

/** Registered-symbol key of the shared object (both bundles build the same symbol). */
export const ISOLATED_WORLD_KEY = 'engine-lens.isolated-world';

/** A mention registered on the page, as the card UI and the popup's list see it. */
export interface RegisteredMention {
  /** Unique for the lifetime of the page (never reused, even after the mention is removed). */
  readonly id: number;
  readonly engine: DetectedEngineId;
  /** The mention's characters as written on the page, e.g. `TRT-LLM`. */
  readonly text: string;
  /** A live range over exactly the mention's characters (made on first access for marks not painted). Read it; do not modify it. */
  readonly range: Range;
}

/** Sent when the pointer moves onto a mention's glyphs (`enter`) or off them (`leave`). */
export interface MentionHoverEvent {
  type: 'enter' | 'leave';
  mention: RegisteredMention;
}
export type MentionHoverListener = (event: MentionHoverEvent) => void;

/** The settings the card follows (from the page's `page/config`). */
export type CardConfig = Pick<PageConfig, 'hoverDelayMs' | 'requireModifier' | 'theme'>;

/** What the mentions script offers the card UI. */
export interface MentionsApi {
  /**
   * Aborted when the mentions script stops marking this document (its site
   * was switched off or paused, code blocks were switched on or off, or an
   * update replaced it). The card UI shuts down with it.
   */
  readonly signal: AbortSignal;
  /** Every mention registered on the page, in document order. A fresh array each call. */
  listMentions(): RegisteredMention[];
  /** The mention under the pointer right now, if any. */
  hoveredMention(): RegisteredMention | null;
  /** Calls `listener` on every enter and leave; returns a function that unsubscribes. */
  onMentionHover(listener: MentionHoverListener): () => void;
  /** The card's settings now. */
  config(): CardConfig;
  /** Calls `listener` after the settings changed (without a reload); returns a function that unsubscribes. */
  onConfigChange(listener: () => void): () => void;
  /** A modifier key (Alt/Option, Ctrl, Meta or Shift) is held, as the user's own input last said. */
  modifierHeld(): boolean;
  /** Calls `listener` when that changes; returns a function that unsubscribes. */
  onModifierChange(listener: (held: boolean) => void): () => void;
}

/** What the card UI is asked to do (by the keyboard command or the popup). */
export interface CardOpenRequest {
  target: CardTarget;
  /** Move keyboard focus into the card. */
  focus: boolean;
  /** Scroll the mention into view first. */
  scroll: boolean;
}

/** What the card UI offers the mentions script once it runs. */
export interface CardUi {
  /** Opens a card; resolves to false when there is no mention to open it for. */
  open(request: CardOpenRequest): Promise<boolean>;
}

export interface IsolatedWorld {
  /**
   * True from the moment the mentions script starts in this document until
   * it stops: a second injection (the worker's, beside the registration's)
   * finds it set and does nothing, so the script runs once per document.
   * The page cannot see or set it: it lives in the extension's world.
   */
  mentionsRunning: boolean;
  /** Set by the mentions script while it marks the page. */
  mentions: MentionsApi | null;
  /** Set by the card script when it starts. */
  cardUi: CardUi | null;
  /**
   * Set synchronously the moment the card script runs, before anything can
   * fail: the worker's probe reads it to inject the card UI once per document.
   */
  cardUiLoaded: boolean;
  /**
   * The latest time the pointer entered a mention before the card UI ran
   * (`performance.now()`), so the card times its open delay from the real
   * enter, not from when its script happened to load.
   */
  lastEnter: { id: number; at: number } | null;
  /** Requests made before the card UI ran; the card script takes them when it starts. */
  pending: Array<{ request: CardOpenRequest; resolve: (opened: boolean) => void }>;
}

/** This isolated world's shared object, created on first use. */
export function isolatedWorld(): IsolatedWorld {
  const global = globalThis as Record<symbol, IsolatedWorld | undefined>;
  return (global[Symbol.for(ISOLATED_WORLD_KEY)] ??= {
    mentionsRunning: false,
    mentions: null,
    cardUi: null,
    cardUiLoaded: false,
    lastEnter: null,
    pending: [],
  });
}
