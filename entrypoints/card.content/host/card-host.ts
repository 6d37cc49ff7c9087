/**
 * The hover card on a page, assembled from its parts: the closed-shadow-root
 * host (./shadow-host.ts), the React renderer with its card rendered ahead
 * (./renderer.tsx), the placement loop (./placement-loop.ts), dragging
 * (./drag.ts) and keyboard focus (./focus.ts). One card per document.
 *
 * The host only shows and hides. Whether a card opens or closes is decided by
 * the hover-intent machine (lib/hover-intent.ts), which the controller feeds
 * with what the host reports: the pointer entered or left the card, Esc, the
 * close button, the mention left the page.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import cardCss from '@/components/card/card.css?inline';
import type { CardData } from '@/lib/card-data';
import type { Box } from '@/lib/placement';
import type { ThemeSetting } from '@/lib/settings';
import { resolveCardTheme, type Theme } from '@/lib/theme';
import { startDrag } from './drag';
import { cycleTab, focusedOutside } from './focus';
import { createPlacementLoop, type PlacedCard } from './placement-loop';
import { createCardRenderer } from './renderer';
import { createShadowHost, type ShadowHost } from './shadow-host';

export { CARD_HOST_ATTRIBUTE } from './shadow-host';

/** The mention a card is shown for. */
export interface MentionAnchor {
  /** Engine id the mention names (e.g. "vllm", "tensorrt-llm"); highlighted on the card. */
  engine: string;
  /** The mention's client rectangles when the card opens (viewport coordinates). */
  rects: readonly Box[];
  /**
   * Fresh rectangles on demand, e.g. `() => range.getClientRects()`, so the
   * card follows the mention through any scrolling container. An empty list
   * means the mention is gone. Without it the card follows window scrolling.
   */
  getRects?: () => ArrayLike<Box>;
}

/** What happened in or around the card, for the controller to decide about. */
export interface CardEvents {
  onPointerEnter?(): void;
  onPointerLeave?(): void;
  /** Esc while the card is open (from inside the card or from the page). */
  onEscape?(): void;
  onCloseButton?(): void;
  /** The mention left the page. */
  onAnchorGone?(): void;
  onOpenFullComparison?(comparisonId: string): void;
}

export interface ShowOptions extends CardEvents {
  /** Open already pinned. */
  pinned?: boolean;
  /** Move focus into the card (keyboard opening): the dialog takes focus and Tab walks its controls. */
  focus?: boolean;
  /** Where focus returns when the card closes while focused. Default: what had focus before `show`. */
  returnFocusTo?: HTMLElement | null;
}

export interface CardHost {
  /** Shows a card for `mention` (replacing any open card). Renders, measures and places it synchronously. */
  show(data: CardData, mention: MentionAnchor, options?: ShowOptions): void;
  /**
   * Renders the card for a mention of `engine` ahead of time (during the
   * hover delay) and attaches it hidden, so the browser styles and lays it out
   * before it is due: a `show` for the same data and engine then only reveals
   * and places it. Does nothing while a card is shown. The hidden card stays
   * on the page until `show`, `hide` or {@link discardPrepared}.
   */
  prepare(data: CardData, engine: string): void;
  /** Takes a card rendered ahead off the page again (the hover ended without a card). */
  discardPrepared(): void;
  /** Closes the card (focus returns to the page if the card had it), and takes a card rendered ahead off the page. Returns whether a card was open. */
  hide(): boolean;
  isOpen(): boolean;
  isPinned(): boolean;
  /** Keyboard focus is inside the card. */
  hasFocus(): boolean;
  /** Whether an event target belongs to the card (events from inside are retargeted to the host element). */
  containsTarget(target: EventTarget | null): boolean;
  /** How the stylesheet was loaded. */
  readonly styleMode: ShadowHost['styleMode'];
  /** Closes the card and releases React; the next `mountCard` for this document starts fresh. */
  destroy(): void;
}

export interface MountOptions {
  /** The card's CSS (default: components/card/card.css). */
  css?: string;
  /** The system's colour-scheme preference (default: `matchMedia('(prefers-color-scheme: dark)')`). */
  prefersDark?: () => boolean;
  /** The user's theme setting (default `auto`: the page's theme). */
  theme?: () => ThemeSetting;
  /**
   * Whether a key event is the user's own (default: `isTrusted`, so keys a
   * page script dispatches neither close the card nor move its focus). Unit
   * tests, whose synthetic events are all untrusted, pass `() => true`.
   */
  isUserEvent?: (event: Event) => boolean;
}

/** On a card the pointer opened: the way in from the keyboard (see onKeyDown). */
export const KEYBOARD_HINT = 'Press Tab to move into this card, Esc to close it.';

interface OpenCard extends PlacedCard {
  data: CardData;
  mention: MentionAnchor;
  options: ShowOptions;
  theme: Theme;
  key: number;
  dragging: boolean;
  hint: string | null;
  returnFocusTo: HTMLElement | null;
  listeners: AbortController;
}

const hosts = new WeakMap<Document, CardHost>();

/** The card host of `doc`, created on first use; one per document, so one card at a time. */
export function mountCard(doc: Document, options: MountOptions = {}): CardHost {
  let host = hosts.get(doc);
  if (!host) {
    host = createCardHost(doc, options);
    hosts.set(doc, host);
  }
  return host;
}

function createCardHost(doc: Document, config: MountOptions): CardHost {
  const shadowHost = createShadowHost(doc, config.css ?? cardCss);
  const win = doc.defaultView as Window & typeof globalThis;
  const { layer } = shadowHost;
  const prefersDark = config.prefersDark ?? (() => win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);
  const isUserEvent = config.isUserEvent ?? ((event: Event) => event.isTrusted);
  const themeNow = (): Theme => resolveCardTheme(config.theme?.() ?? 'auto', doc, prefersDark());
  let open: OpenCard | null = null;

  const focusIsInside = (): boolean => shadowHost.activeElement() !== null;

  layer.addEventListener('pointerenter', () => open?.options.onPointerEnter?.());
  layer.addEventListener('pointerleave', () => open?.options.onPointerLeave?.());

  const renderer = createCardRenderer(layer, {
    // Stable callbacks: they act on whichever card is open, so a card rendered ahead needs no re-render.
    onPinnedChange: (pinned) => {
      if (!open) return;
      open.pinned = pinned;
      render();
    },
    onClose: () => open?.options.onCloseButton?.(),
    onOpenFullComparison: (id) => open?.options.onOpenFullComparison?.(id),
    onDragStart: (event: ReactPointerEvent<HTMLElement>) => {
      const card = open;
      const element = shadowHost.cardElement();
      if (!card || !element) return;
      const size = { width: element.offsetWidth, height: element.offsetHeight };
      startDrag(event, {
        start: { left: card.left, top: card.top, ...size },
        onStart: () => {
          // A card the user moved out of the way stays open and stays put.
          card.dragged = true;
          card.dragging = true;
          card.pinned = true;
          render();
        },
        moveTo: (left, top) => placement.moveWithin(left, top, size),
        onEnd: () => {
          card.dragging = false;
          render();
        },
        isCurrent: () => open === card,
      });
    },
  });

  const placement = createPlacementLoop(win, layer, shadowHost.cardElement, () => open, () => open?.options.onAnchorGone?.());

  function render(): void {
    const card = open;
    renderer.render(
      card
        ? {
            key: card.key,
            data: card.data,
            engine: card.mention.engine,
            theme: card.theme,
            pinned: card.pinned,
            dragging: card.dragging,
            hint: card.hint,
          }
        : null,
    );
  }

  function onKeyDown(event: KeyboardEvent): void {
    const card = open;
    if (!card || !isUserEvent(event)) return; // keys a page script dispatches are not the user's
    const inside = focusIsInside();
    if (event.key === 'Escape') {
      // Esc meant for the card stops here; from the page it goes on to the page as well.
      if (inside) {
        event.preventDefault();
        event.stopPropagation();
      }
      card.options.onEscape?.();
      return;
    }
    if (event.key !== 'Tab') return;
    if (inside) {
      cycleTab(event, shadowHost.cardElement(), shadowHost.activeElement());
      return;
    }
    // A card the pointer opened is otherwise out of the keyboard's reach (its
    // host sits at the end of the document): while it is open, Tab moves in,
    // and Esc brings focus back to where it was.
    event.preventDefault();
    card.returnFocusTo = focusedOutside(doc, shadowHost.element);
    card.hint = null;
    render();
    shadowHost.cardElement()?.focus({ preventScroll: true });
  }

  function stopListening(card: OpenCard): void {
    card.listeners.abort();
    placement.stop();
  }

  function show(data: CardData, mention: MentionAnchor, options: ShowOptions = {}): void {
    const previous = open;
    if (previous) {
      stopListening(previous);
      open = null;
    }
    const theme = themeNow();
    const scroll = { x: win.scrollX, y: win.scrollY };
    const card: OpenCard = {
      data,
      mention,
      options,
      theme,
      // Rendered ahead for this data, engine and theme, and never shown: show it as it is.
      key: renderer.keyFor(data, mention.engine, theme, options.pinned === true),
      pinned: options.pinned ?? false,
      dragged: false,
      dragging: false,
      hint: options.focus ? null : KEYBOARD_HINT,
      returnFocusTo: options.returnFocusTo ?? (previous ? previous.returnFocusTo : focusedOutside(doc, shadowHost.element)),
      lastRects: [...mention.rects],
      left: 0,
      top: 0,
      side: null,
      listeners: new AbortController(),
      rects: () => {
        if (mention.getRects) return Array.from(mention.getRects()).filter((r) => r.right > r.left || r.bottom > r.top);
        // Without live rectangles, follow the window's scrolling.
        const dx = scroll.x - win.scrollX;
        const dy = scroll.y - win.scrollY;
        return mention.rects.map((r) => ({ left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy }));
      },
    };
    open = card;
    shadowHost.attach();
    render();
    placement.place('show');
    if (open !== card) return; // the mention was already gone, and the controller closed the card
    doc.addEventListener('keydown', onKeyDown, { capture: true, signal: card.listeners.signal });
    placement.start();
    if (options.focus) shadowHost.cardElement()?.focus({ preventScroll: true });
  }

  function hide(): boolean {
    const card = open;
    if (!card) {
      shadowHost.detach(); // a card rendered ahead goes too
      return false;
    }
    const hadFocus = focusIsInside();
    stopListening(card);
    open = null;
    render();
    shadowHost.detach();
    // Only move focus back if the card had it: a hover card closing must not steal focus from the page.
    if (hadFocus && card.returnFocusTo?.isConnected) card.returnFocusTo.focus({ preventScroll: true });
    return true;
  }

  return {
    show,
    prepare(data, engine) {
      if (open) return; // never re-render a card on screen behind the user's back
      renderer.prepare(data, engine, themeNow(), KEYBOARD_HINT);
      // Laid out at its natural height, as `show` measures it (a short screen's cap is the placement's).
      layer.style.removeProperty('--el-max-height');
      shadowHost.stage();
    },
    discardPrepared() {
      if (!open) shadowHost.detach();
    },
    hide,
    isOpen: () => open !== null,
    isPinned: () => open?.pinned ?? false,
    hasFocus: () => open !== null && focusIsInside(),
    containsTarget: shadowHost.contains,
    styleMode: shadowHost.styleMode,
    destroy: () => {
      hide();
      renderer.unmount();
      hosts.delete(doc);
    },
  };
}
