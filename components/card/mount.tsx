/**
 * The card's home on a web page: one host element carrying
 * `data-engine-lens-card`, attached to <html> only while a card is shown,
 * holding a **closed** shadow root so the page can neither style nor read the
 * card. This module is the browser glue around the pure parts:
 * `MentionCard` (what is shown), `placeCard` (where), `detectTheme` (how).
 *
 * It renders synchronously (flushSync) so the card can be measured and placed
 * before the browser paints, follows the mention on scroll and resize, handles
 * focus (Tab into the card, Esc closes and returns focus), pinning and
 * dragging, and keeps one card per document.
 *
 * Hover timing (open delay, grace period, "not while selecting") belongs to
 * the content script that calls `show` / `hide`.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { CardData } from '@/lib/card-data';
import { placeCard, type Box, type Side } from '@/lib/placement';
import { detectTheme, type Theme } from '@/lib/theme';
import cardCss from './card.css?inline';
import { MentionCard } from './MentionCard';

/** The attribute that marks Engine Lens's UI host on a page. */
export const CARD_HOST_ATTRIBUTE = 'data-engine-lens-card';

/** Distance the card keeps from the viewport's edges, and from the mention. */
const MARGIN = 8;
const GAP = 6;
/** Pointer travel (px) before a press on the header counts as a drag. */
const DRAG_THRESHOLD = 3;

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

type PlaceReason = 'show' | 'viewport' | 'content';

/** Why a card closed (passed to `onClose`). */
export type CloseReason =
  | 'close-button'
  | 'escape'
  | 'outside-click'
  | 'pointer-leave'
  | 'anchor-gone'
  | 'replaced'
  | 'api';

export interface ShowOptions {
  /** Open already pinned. */
  pinned?: boolean;
  /** Move focus into the card (keyboard opening): the dialog takes focus and Tab walks its controls. */
  focus?: boolean;
  /** Where focus returns when the card closes while focused. Default: what had focus before `show`. */
  returnFocusTo?: HTMLElement | null;
  onOpenFullComparison?: (comparisonId: string) => void;
  onClose?: (reason: CloseReason) => void;
  /** The pointer entered / left the card (the hover controller keeps the card open meanwhile). */
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

export interface CardHost {
  /** Shows a card for `mention` (replacing any open card). Renders, measures and places it synchronously. */
  show(data: CardData, mention: MentionAnchor, options?: ShowOptions): void;
  /**
   * Renders the card for a mention of `engine` ahead of time, into the host
   * while it is still detached from the page (nothing is added to the page),
   * so that a `show` for the same data and engine only has to attach and
   * place it. For the hover delay, when the main thread is idle. Does nothing
   * while a card is shown.
   */
  prepare(data: CardData, engine: string): void;
  /**
   * Closes the card. `'pointer-leave'` is ignored while the card is pinned,
   * hovered or has keyboard focus; every other reason closes. Returns whether a
   * card was closed.
   */
  hide(reason?: CloseReason): boolean;
  isOpen(): boolean;
  isPinned(): boolean;
  /** The pointer is over the card. */
  isHovered(): boolean;
  /** Keyboard focus is inside the card. */
  hasFocus(): boolean;
  /**
   * Whether an event target belongs to the card. Page-level listeners see
   * events from inside the closed shadow root retargeted to the host element.
   */
  containsTarget(target: EventTarget | null): boolean;
  /** Places the card again (e.g. after the page moved the mention without scrolling). */
  reposition(): void;
  /** How the stylesheet was loaded: a constructed sheet, or a <style> fallback if that failed. */
  readonly styleMode: 'adopted' | 'style-element';
  /** Closes the card and releases React; the next `mountCard` for this document starts fresh. */
  destroy(): void;
}

export interface MountOptions {
  /** The card's CSS (default: components/card/card.css). */
  css?: string;
  /** The system's colour-scheme preference (default: `matchMedia('(prefers-color-scheme: dark)')`). */
  prefersDark?: () => boolean;
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

/**
 * Loads CSS into the shadow root without touching the page's CSP: a
 * constructed stylesheet is not subject to `style-src`. Some Firefox
 * content-script contexts reject adopting a sheet; a <style> element the
 * extension creates is the fallback.
 */
function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): CardHost['styleMode'] {
  const win = doc.defaultView;
  try {
    if (!win || !('adoptedStyleSheets' in shadow)) throw new Error('no constructed stylesheets');
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return 'adopted';
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.prepend(style);
    return 'style-element';
  }
}

/** Everything the rendered card depends on; equal inputs render an identical card. */
interface RenderInputs {
  /** Bumped per shown card, so each starts with fresh UI state (toggles closed). */
  key: number;
  data: CardData;
  engine: string;
  theme: Theme;
  pinned: boolean;
  dragging: boolean;
}

function sameInputs(a: RenderInputs | null, b: RenderInputs | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.key === b.key &&
    a.data === b.data &&
    a.engine === b.engine &&
    a.theme === b.theme &&
    a.pinned === b.pinned &&
    a.dragging === b.dragging
  );
}

interface OpenCard {
  data: CardData;
  mention: MentionAnchor;
  options: ShowOptions;
  theme: Theme;
  /** Bumped per `show`, so each card starts with fresh UI state (toggles closed). */
  key: number;
  pinned: boolean;
  /** Moved by the user: stays where it was put instead of following the mention. */
  dragged: boolean;
  dragging: boolean;
  returnFocusTo: HTMLElement | null;
  /** Window scroll when shown, to follow scrolling when there is no `getRects`. */
  scrollX: number;
  scrollY: number;
  /** Last placed rectangles, kept when a pinned card's mention disappears. */
  lastRects: Box[];
  /** Where the card's top-left corner is (viewport px). */
  left: number;
  top: number;
  side: Side | null;
  listeners: AbortController;
  resizeObserver: ResizeObserver | null;
}

function createCardHost(doc: Document, config: MountOptions): CardHost {
  const view = doc.defaultView;
  if (!view) throw new Error('mountCard needs a document that has a window.');
  const win: Window & typeof globalThis = view;

  // A plain <div>: a custom element name could be upgraded by a page-defined class.
  const hostElement = doc.createElement('div');
  hostElement.setAttribute(CARD_HOST_ATTRIBUTE, '');
  // Closed: `hostElement.shadowRoot` is null for the page; this closure holds the only reference.
  const shadow = hostElement.attachShadow({ mode: 'closed' });
  const styleMode = adoptStyles(doc, shadow, config.css ?? cardCss);
  const layer = doc.createElement('div');
  layer.className = 'el-layer';
  shadow.append(layer);
  // Keys typed in the card are the card's: don't trigger the page's shortcuts (GitHub's "s", "?"...).
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }

  let root: Root | null = null;
  let open: OpenCard | null = null;
  /** What the layer holds now (null: nothing rendered). */
  let rendered: RenderInputs | null = null;
  /** A card rendered by `prepare` and not shown yet (fresh UI state), or null. */
  let prepared: RenderInputs | null = null;
  let hovered = false;
  let keyCounter = 0;
  let frame = 0;
  /** Why the scheduled placement runs: the page moved, or only the card's own size changed. */
  let pendingReason: PlaceReason = 'content';

  const prefersDark =
    config.prefersDark ?? (() => win.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false);

  layer.addEventListener('pointerenter', () => {
    hovered = true;
    open?.options.onPointerEnter?.();
  });
  layer.addEventListener('pointerleave', () => {
    hovered = false;
    open?.options.onPointerLeave?.();
  });

  const cardElement = (): HTMLElement | null => layer.querySelector<HTMLElement>('[role="dialog"]');
  const focusIsInside = (): boolean => shadow.activeElement !== null;

  // Stable callbacks: they act on whichever card is open, so a card rendered
  // ahead of time (`prepare`) needs no re-render when it is shown.
  const onPinnedChange = (pinned: boolean) => {
    if (!open) return;
    open.pinned = pinned;
    render();
  };
  const onCloseButton = () => void hide('close-button');
  const onOpenFullComparison = (id: string) => open?.options.onOpenFullComparison?.(id);
  const onDragStart = (event: ReactPointerEvent<HTMLElement>) => {
    if (open) startDrag(open, event);
  };

  /** Renders `next` into the layer (synchronously), unless the layer already holds exactly that. */
  function renderInputs(next: RenderInputs | null): void {
    if (sameInputs(rendered, next)) return;
    root ??= createRoot(layer);
    flushSync(() => {
      root!.render(
        next ? (
          <MentionCard
            key={next.key}
            data={next.data}
            mentionedEngineId={next.engine}
            theme={next.theme}
            pinned={next.pinned}
            dragging={next.dragging}
            onPinnedChange={onPinnedChange}
            onClose={onCloseButton}
            onOpenFullComparison={onOpenFullComparison}
            onDragStart={onDragStart}
          />
        ) : null,
      );
    });
    rendered = next;
  }

  function render(): void {
    const card = open;
    renderInputs(
      card
        ? { key: card.key, data: card.data, engine: card.mention.engine, theme: card.theme, pinned: card.pinned, dragging: card.dragging }
        : null,
    );
  }

  function prepare(data: CardData, engine: string): void {
    if (open) return; // never re-render a card on screen behind the user's back
    const theme = detectTheme(doc, prefersDark());
    if (prepared && prepared === rendered && prepared.data === data && prepared.engine === engine && prepared.theme === theme) return;
    renderInputs({ key: ++keyCounter, data, engine, theme, pinned: false, dragging: false });
    prepared = rendered;
  }

  function viewport(): { width: number; height: number } {
    const html = doc.documentElement;
    // clientWidth/Height leave out scrollbars; innerWidth/Height is the fallback for odd documents.
    return {
      width: Math.min(win.innerWidth, html.clientWidth || win.innerWidth),
      height: Math.min(win.innerHeight, html.clientHeight || win.innerHeight),
    };
  }

  /** The mention's rectangles now; empty when it has left the page. */
  function currentRects(card: OpenCard): Box[] {
    if (card.mention.getRects) {
      return Array.from(card.mention.getRects()).filter((r) => r.right > r.left || r.bottom > r.top);
    }
    const dx = card.scrollX - win.scrollX;
    const dy = card.scrollY - win.scrollY;
    return card.mention.rects.map((r) => ({ left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy }));
  }

  function moveLayer(card: OpenCard, left: number, top: number): void {
    card.left = Math.round(left);
    card.top = Math.round(top);
    layer.style.left = `${card.left}px`;
    layer.style.top = `${card.top}px`;
  }

  /**
   * Places the card. On 'show' it goes wherever fits best; when the page moves
   * ('viewport') it prefers its current side; when only the card grew
   * ('content', e.g. "Show all") it keeps its side so the control under the
   * pointer does not jump away.
   */
  function place(reason: PlaceReason): void {
    const card = open;
    const element = cardElement();
    if (!card || !element) return;
    const vp = viewport();

    if (card.dragged) {
      // The user put it there: only keep it on screen (the window may have shrunk).
      moveLayer(
        card,
        clampTo(card.left, vp.width - element.offsetWidth),
        clampTo(card.top, vp.height - element.offsetHeight),
      );
      return;
    }

    let rects = currentRects(card);
    if (rects.length === 0) {
      if (!card.pinned) {
        hide('anchor-gone');
        return;
      }
      rects = card.lastRects; // a pinned card stays where it was
    }
    if (rects.length === 0) return;
    card.lastRects = rects;

    // Measure at natural height, then cap it if the placement gives less room.
    layer.style.removeProperty('--el-max-height');
    const size = { width: element.offsetWidth, height: element.offsetHeight };
    const side = card.side ?? undefined;
    const placement = placeCard({
      anchor: rects,
      card: size,
      viewport: vp,
      margin: MARGIN,
      gap: GAP,
      prefer: reason === 'viewport' ? side : undefined,
      keepSide: reason === 'content' ? side : undefined,
    });
    if (placement.maxHeight !== null) layer.style.setProperty('--el-max-height', `${Math.floor(placement.maxHeight)}px`);
    moveLayer(card, placement.left, placement.top);
    layer.dataset.side = placement.side;
    card.side = placement.side;
  }

  function clampTo(value: number, max: number): number {
    return Math.max(MARGIN, Math.min(value, max - MARGIN));
  }

  /** Coalesces scroll/resize/size-change bursts into one placement per frame. */
  function schedulePlace(reason: PlaceReason): void {
    if (reason === 'viewport') pendingReason = 'viewport';
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const due = pendingReason;
      pendingReason = 'content';
      place(due);
    });
  }
  const onViewportChange = () => schedulePlace('viewport');

  function startDrag(card: OpenCard, event: ReactPointerEvent<HTMLElement>): void {
    const handle: HTMLElement = event.currentTarget;
    const element = cardElement();
    if (!element) return;
    const start = { left: card.left, top: card.top, width: element.offsetWidth, height: element.offsetHeight };
    const startX = event.clientX;
    const startY = event.clientY;
    const pointerId = event.pointerId;
    let moved = false;
    event.preventDefault(); // no text selection while dragging
    handle.setPointerCapture?.(pointerId);

    const drag = new AbortController();
    handle.addEventListener(
      'pointermove',
      (move) => {
        if (move.pointerId !== pointerId || open !== card) return;
        const dx = move.clientX - startX;
        const dy = move.clientY - startY;
        if (!moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        if (!moved) {
          moved = true;
          // A card the user moved out of the way stays open and stays put.
          card.dragged = true;
          card.dragging = true;
          card.pinned = true;
          render();
        }
        const vp = viewport();
        moveLayer(
          card,
          clampTo(start.left + dx, vp.width - start.width),
          clampTo(start.top + dy, vp.height - start.height),
        );
      },
      { signal: drag.signal },
    );
    const end = (up: PointerEvent) => {
      if (up.pointerId !== pointerId) return;
      drag.abort();
      if (card.dragging && open === card) {
        card.dragging = false;
        render();
      }
    };
    handle.addEventListener('pointerup', end, { signal: drag.signal });
    handle.addEventListener('pointercancel', end, { signal: drag.signal });
  }

  /** Focusable controls in the card, in tab order. */
  function focusables(): HTMLElement[] {
    const element = cardElement();
    if (!element) return [];
    return Array.from(element.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])')).filter(
      (el) => !el.closest('[hidden]') && !(el as HTMLButtonElement).disabled,
    );
  }

  function onKeyDown(event: KeyboardEvent): void {
    const card = open;
    if (!card) return;
    const inside = focusIsInside();
    if (event.key === 'Escape') {
      // Dismissible without moving the pointer (WCAG 1.4.13). From the page, only an unpinned card closes.
      if (inside || !card.pinned) {
        if (inside) {
          event.preventDefault();
          event.stopPropagation();
        }
        hide('escape');
      }
      return;
    }
    if (event.key === 'Tab' && inside) {
      // The host sits at the end of the document: keep Tab cycling inside the card instead of leaving the page.
      const items = focusables();
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const active = shadow.activeElement;
      const dialog = cardElement();
      if (event.shiftKey && (active === first || active === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function onPointerDown(event: PointerEvent): void {
    const card = open;
    if (!card || card.pinned || api.containsTarget(event.target)) return;
    hide('outside-click');
  }

  function startListening(card: OpenCard): void {
    const signal = card.listeners.signal;
    // Capture: scrolling inside any container moves the mention too.
    win.addEventListener('scroll', onViewportChange, { capture: true, passive: true, signal });
    win.addEventListener('resize', onViewportChange, { passive: true, signal });
    doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
    doc.addEventListener('pointerdown', onPointerDown, { capture: true, signal });
    const element = cardElement();
    if (element && typeof win.ResizeObserver === 'function') {
      // The card grows when "Show all" or a claims panel opens: place it again.
      card.resizeObserver = new win.ResizeObserver(() => schedulePlace('content'));
      card.resizeObserver.observe(element);
    }
  }

  function stopListening(card: OpenCard): void {
    card.listeners.abort();
    card.resizeObserver?.disconnect();
    if (frame) {
      win.cancelAnimationFrame(frame);
      frame = 0;
    }
  }

  function activeOutsideCard(): HTMLElement | null {
    const active = doc.activeElement;
    return active instanceof win.HTMLElement && active !== hostElement ? active : null;
  }

  function show(data: CardData, mention: MentionAnchor, options: ShowOptions = {}): void {
    const previous = open;
    if (previous) {
      stopListening(previous);
      open = null;
      previous.options.onClose?.('replaced');
    }
    const theme = detectTheme(doc, prefersDark());
    // Rendered ahead for this data, engine and theme, and never shown: show it as it is.
    const ready =
      prepared !== null &&
      prepared === rendered &&
      prepared.data === data &&
      prepared.engine === mention.engine &&
      prepared.theme === theme &&
      !options.pinned;
    const key = ready && prepared ? prepared.key : ++keyCounter;
    prepared = null;
    const card: OpenCard = {
      data,
      mention,
      options,
      theme,
      key,
      pinned: options.pinned ?? false,
      dragged: false,
      dragging: false,
      returnFocusTo: options.returnFocusTo ?? (previous ? previous.returnFocusTo : activeOutsideCard()),
      scrollX: win.scrollX,
      scrollY: win.scrollY,
      lastRects: [...mention.rects],
      left: 0,
      top: 0,
      side: null,
      listeners: new AbortController(),
      resizeObserver: null,
    };
    open = card;
    if (!hostElement.isConnected) doc.documentElement.append(hostElement);
    render();
    place('show');
    if (open !== card) return; // placement found the mention gone
    startListening(card);
    if (options.focus) cardElement()?.focus({ preventScroll: true });
  }

  function hide(reason: CloseReason = 'api'): boolean {
    const card = open;
    if (!card) return false;
    // The pointer left the mention: not a reason to close a card the user pinned, points at or works in.
    if (reason === 'pointer-leave' && (card.pinned || hovered || focusIsInside())) return false;
    const hadFocus = focusIsInside();
    stopListening(card);
    open = null;
    hovered = false;
    render();
    hostElement.remove();
    // Only move focus back if the card had it: a hover card closing must not steal focus from the page.
    if (hadFocus) {
      const target = card.returnFocusTo;
      if (target?.isConnected) target.focus({ preventScroll: true });
    }
    card.options.onClose?.(reason);
    return true;
  }

  const api: CardHost = {
    show,
    prepare,
    hide,
    isOpen: () => open !== null,
    isPinned: () => open?.pinned ?? false,
    isHovered: () => open !== null && hovered,
    hasFocus: () => open !== null && focusIsInside(),
    containsTarget: (target) =>
      target instanceof win.Node && (target === hostElement || hostElement.contains(target) || shadow.contains(target)),
    reposition: () => place('viewport'),
    styleMode,
    destroy: () => {
      hide('api');
      root?.unmount();
      root = null;
      rendered = null;
      prepared = null;
      hosts.delete(doc);
    },
  };
  return api;
}
