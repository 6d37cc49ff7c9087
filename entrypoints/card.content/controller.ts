/**
 * The card UI's controller: connects the mentions content script (hovers,
 * the mention list), the hover-intent state machine (the one place that
 * decides when a card opens and closes) and the card host (what is shown,
 * where). Runs in the extension's isolated world, injected on first need by
 * the background (see card-trigger.ts in the mentions content script).
 *
 * The card data is fetched once, when this script starts, validated, and held:
 * opening a card never waits for a message.
 */
import {
  isolatedWorld,
  type CardOpenRequest,
  type CardUi,
  type MentionsApi,
  type RegisteredMention,
} from '@/lib/browser/isolated-world';
import { send } from '@/lib/browser/send';
import type { CardData } from '@/lib/card-data';
import { MENTIONS_COMPARISON_ID } from '@/lib/comparisons';
import { DataChangedSchema } from '@/lib/messaging';
import {
  DEFAULT_HOVER_TIMING,
  INITIAL_HOVER_STATE,
  type HoverTiming,
  nextDeadline,
  stepHoverIntent,
  type HoverIntentEffect,
  type HoverIntentEvent,
} from '@/lib/hover-intent';
import { pickMention } from '@/lib/mention-pick';
import { mountCard, type CardHost, type MentionAnchor } from './host/card-host';
import { isSiteHovercardOpen, isSiteHovercardTrigger, selectionBox, selectionTouches } from './page-state';
import { markCardShown } from './timing';

/**
 * Starts the card UI for as long as the mentions script marks this document
 * (its API's `signal`): when that stops (site switched off, paused, or an
 * update replaced it), the card closes and the UI shuts down, and the next
 * need injects it afresh. Nothing a page dispatches can stop it.
 */
export function startCardUi(): void {
  const bridge = isolatedWorld();
  if (bridge.cardUi) return; // already running in this document: a second injection does nothing
  const mentions = bridge.mentions;
  if (!mentions || mentions.signal.aborted) {
    // Injected into a frame where the mentions script does not run (any more): nothing to attach to.
    console.error('[Engine Lens] the card UI found no mentions content script');
    return;
  }
  bridge.cardUiLoaded = true;
  const { signal } = mentions;
  const controller = new CardController(mentions, mountCard(document, { theme: () => mentions.config().theme }), signal);
  const ui: CardUi = { open: (request) => controller.open(request) };
  bridge.cardUi = ui;
  signal.addEventListener('abort', () => {
    if (bridge.cardUi === ui) bridge.cardUi = null;
    bridge.cardUiLoaded = false; // the worker's probe then injects a fresh card UI when it is needed again
    controller.destroy();
  });
  // Requests made while this script was loading (keyboard command, popup).
  for (const { request, resolve } of bridge.pending.splice(0)) {
    controller.open(request).then(resolve, (error: unknown) => {
      console.error('[Engine Lens] could not open the card', error);
      resolve(false);
    });
  }
  // The hover that caused the loading: its delay counts from when the pointer really entered.
  controller.followHovers(bridge.lastEnter);
}

/**
 * The card for a hovered mention is rendered ahead (detached from the page)
 * once the pointer has rested this long: past a mere pass, well inside the
 * open delay, so the card only has to be attached and placed when it is due.
 */
const PREPARE_AFTER_MS = 60;

class CardController {
  private state = INITIAL_HOVER_STATE;
  private prepareTimer: ReturnType<typeof setTimeout> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadline: number | null = null;
  private data: CardData | null = null;
  private dataLoad: Promise<CardData> | null = null;
  private buttonDown = false;
  private dragging = false;
  private cardsShown = 0;
  private readonly listeners = new AbortController();
  private unsubscribe: () => void = () => {};
  /**
   * The mention whose hover the machine has been told about. With "open only
   * with a modifier key", a hover counts from when the pointer is on a mention
   * and a modifier key is held, whichever comes second.
   */
  private armed: number | null = null;

  constructor(
    private readonly mentions: MentionsApi,
    private readonly host: CardHost,
    signal: AbortSignal,
  ) {
    // Fetch now, while the pointer rests: the data is in memory when the delay ends.
    void this.loadData().catch((error: unknown) => console.error('[Engine Lens] could not load the card data', error));
    this.trackPointer(signal);
    this.followDataChanges(signal);
  }

  /**
   * The card data, fetched once per page (again only if the fetch failed, or
   * after the worker announced that the dataset or the pins changed). `send`
   * validates the reply: it crosses a trust boundary like any other input.
   */
  private loadData(): Promise<CardData> {
    this.dataLoad ??= send({ type: 'card/get', comparisonId: MENTIONS_COMPARISON_ID }).then(
      (data) => {
        this.data = data;
        // The hover that loaded this script is probably waiting for its card: render it ahead now.
        const hovered = this.mentions.hoveredMention();
        if (hovered && this.state.openAt !== null) this.host.prepare(data, hovered.engine);
        return data;
      },
      (error: unknown) => {
        this.dataLoad = null;
        throw error;
      },
    );
    return this.dataLoad;
  }

  /** The worker's `data/changed` push: the next card shows the new data, without a reload. */
  private followDataChanges(signal: AbortSignal): void {
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return;
      const message = DataChangedSchema.safeParse(raw);
      if (!message.success || !message.data.changed.some((kind) => kind === 'dataset' || kind === 'pins')) return;
      this.dataLoad = null;
      void this.loadData().catch((error: unknown) => console.error('[Engine Lens] could not reload the card data', error));
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  }

  /** The hover timing the user chose (the close delay stays as it is). */
  private timing(): HoverTiming {
    return { ...DEFAULT_HOVER_TIMING, openDelayMs: this.mentions.config().hoverDelayMs };
  }

  /** A hover counts now: the pointer is on `mention` and, if the setting asks for it, a modifier key is held. */
  private arm(mention: RegisteredMention, at: number): void {
    if (this.armed === mention.id) return;
    if (this.mentions.config().requireModifier && !this.mentions.modifierHeld()) return;
    this.armed = mention.id;
    this.dispatch({ type: 'mention-enter', id: mention.id, at });
    this.schedulePrepare(mention);
  }

  private disarm(id: number, at: number): void {
    if (this.armed !== id) return;
    this.armed = null;
    this.dispatch({ type: 'mention-leave', id, at });
  }

  /** Subscribes to hovers; `lastEnter` is the enter that happened before this script ran. */
  followHovers(lastEnter: { id: number; at: number } | null): void {
    const hovered = this.mentions.hoveredMention();
    if (hovered) this.arm(hovered, lastEnter?.id === hovered.id ? lastEnter.at : performance.now());
    const stopHover = this.mentions.onMentionHover(({ type, mention }) => {
      if (type === 'enter') this.arm(mention, performance.now());
      else this.disarm(mention.id, performance.now());
    });
    const stopModifier = this.mentions.onModifierChange((held) => {
      if (!this.mentions.config().requireModifier) return;
      const hovered = this.mentions.hoveredMention();
      if (held && hovered) this.arm(hovered, performance.now());
      // Letting go before the card opened cancels it; an open card stays until the pointer leaves.
      else if (!held && this.armed !== null && this.state.open !== this.armed) this.disarm(this.armed, performance.now());
    });
    this.unsubscribe = () => {
      stopHover();
      stopModifier();
    };
  }

  /** Renders the card ahead for a mention the pointer rests on (see {@link PREPARE_AFTER_MS}). */
  private schedulePrepare(mention: RegisteredMention): void {
    clearTimeout(this.prepareTimer);
    this.prepareTimer = setTimeout(() => {
      const stillThere = this.mentions.hoveredMention()?.id === mention.id && this.state.openAt !== null;
      if (stillThere && this.data && !this.host.isOpen()) this.host.prepare(this.data, mention.engine);
    }, PREPARE_AFTER_MS);
  }

  /**
   * Button and drag state: no card opens while the user selects text or drags
   * something. Only the user's own input counts (`isTrusted`): a page script
   * dispatching events can neither close a card nor hold one back.
   */
  private trackPointer(signal: AbortSignal): void {
    const options = { capture: true, passive: true, signal: AbortSignal.any([signal, this.listeners.signal]) };
    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      document.addEventListener(type, (event) => event.isTrusted && handler(event), options);
    // The document's one pointerdown listener: a press outside the card starts a
    // selection or a drag (no card opens meanwhile) and may close the card.
    on('pointerdown', (event) => {
      const insideCard = this.host.containsTarget(event.target);
      if (!insideCard) this.buttonDown = true;
      this.dispatch({ type: 'pointer-down', insideCard, pinned: this.host.isPinned() });
    });
    const release = () => (this.buttonDown = false);
    on('pointerup', release);
    on('pointercancel', release);
    // A release outside the window is never reported: moving without buttons corrects it.
    on('pointermove', (event) => (this.buttonDown = event.buttons !== 0));
    on('dragstart', () => (this.dragging = true));
    on('dragend', () => (this.dragging = false));
    on('drop', () => (this.dragging = false));
  }

  /** Whether the page is busy with something a hover card must not interrupt. */
  private isBlocked(): boolean {
    if (this.buttonDown || this.dragging || isSiteHovercardOpen(document)) return true;
    // One card at a time: a pinned card, or one the user works in with the keyboard, is not replaced by a hover.
    if (this.host.isPinned() || this.host.hasFocus()) return true;
    const hovered = this.mentions.hoveredMention();
    return hovered !== null && (selectionTouches(document, hovered.range) || isSiteHovercardTrigger(hovered.range));
  }

  private dispatch(event: HoverIntentEvent): void {
    const step = stepHoverIntent(this.state, event, this.timing());
    const dueAt = this.state.openAt;
    this.state = step.state;
    for (const effect of step.effects) this.apply(effect, dueAt);
    // No card due any more (the pointer left, or the hover was blocked): the card rendered ahead leaves the page.
    if (this.state.openAt === null && !this.host.isOpen()) this.host.discardPrepared();
    this.scheduleTimer();
  }

  private apply(effect: HoverIntentEffect, dueAt: number | null): void {
    if (effect.type === 'close') {
      this.host.hide();
      return;
    }
    const mention = this.findMention(effect.id);
    if (!mention) {
      this.state = stepHoverIntent(this.state, { type: 'closed' }).state;
      return;
    }
    if (this.data) {
      this.show(mention, this.data, { focus: false }, dueAt);
      return;
    }
    // The data is still on its way (a very quick first hover): show it when it arrives, if still wanted.
    this.loadData().then(
      (data) => {
        if (this.state.open === mention.id && !this.host.isOpen()) this.show(mention, data, { focus: false }, dueAt);
      },
      () => (this.state = stepHoverIntent(this.state, { type: 'closed' }).state),
    );
  }

  /** One timer, set to the state machine's next deadline. */
  private scheduleTimer(): void {
    const next = nextDeadline(this.state);
    if (next === this.deadline) return;
    clearTimeout(this.timer);
    this.deadline = next;
    if (next === null) return;
    this.timer = setTimeout(() => {
      this.deadline = null;
      const holdOpen = this.host.isPinned() || this.host.hasFocus();
      this.dispatch({ type: 'timer', at: performance.now(), blocked: this.isBlocked(), holdOpen });
    }, Math.max(0, next - performance.now()));
  }

  private findMention(id: number): RegisteredMention | null {
    const hovered = this.mentions.hoveredMention();
    if (hovered?.id === id) return hovered;
    return this.mentions.listMentions().find((m) => m.id === id) ?? null;
  }

  /** The mention the keyboard command means: in or nearest to the selection, else the first on screen. */
  private mentionForSelection(): RegisteredMention | null {
    const list = this.mentions.listMentions();
    const candidates = list.map((m) => ({
      id: m.id,
      rects: Array.from(m.range.getClientRects()).filter((r) => r.width > 0 || r.height > 0),
      inSelection: selectionTouches(document, m.range),
    }));
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const id = pickMention(candidates, selectionBox(document), viewport);
    return list.find((m) => m.id === id) ?? null;
  }

  /** Opens a card for a keyboard command or the popup. */
  async open(request: CardOpenRequest): Promise<boolean> {
    const data = await this.loadData();
    const mention =
      request.target.kind === 'mention' ? this.findMention(request.target.id) : this.mentionForSelection();
    if (!mention) return false;
    if (request.scroll) scrollToMention(mention);
    // The machine first, so that a card whose mention is already gone is closed by it.
    this.dispatch({ type: 'opened', id: mention.id });
    this.show(mention, data, { focus: request.focus }, null);
    return this.host.isOpen();
  }

  private show(mention: RegisteredMention, data: CardData, { focus }: { focus: boolean }, dueAt: number | null): void {
    const start = performance.now();
    const anchor: MentionAnchor = {
      engine: mention.engine,
      rects: Array.from(mention.range.getClientRects()),
      getRects: () => mention.range.getClientRects(),
    };
    this.host.show(data, anchor, {
      focus,
      onOpenFullComparison: () => {
        send({ type: 'comparison/open', comparisonId: data.comparisonId }).catch((error: unknown) =>
          console.error('[Engine Lens] could not open the comparison', error),
        );
      },
      onPointerEnter: () => this.dispatch({ type: 'card-enter' }),
      onPointerLeave: () => this.dispatch({ type: 'card-leave', at: performance.now() }),
      onEscape: () => this.dispatch({ type: 'escape', focused: this.host.hasFocus(), pinned: this.host.isPinned() }),
      onCloseButton: () => this.dispatch({ type: 'close-button' }),
      onAnchorGone: () => this.dispatch({ type: 'anchor-gone', pinned: this.host.isPinned() }),
    });
    this.cardsShown += 1;
    if (this.host.isOpen()) markCardShown({ dueAt: dueAt ?? start, renderStart: start, first: this.cardsShown === 1 });
  }

  destroy(): void {
    clearTimeout(this.timer);
    clearTimeout(this.prepareTimer);
    this.unsubscribe();
    this.listeners.abort();
    this.host.destroy();
  }
}

/** Brings the mention into view with room below it for the card, without animation. */
function scrollToMention(mention: RegisteredMention): void {
  mention.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = mention.range.getBoundingClientRect();
  const height = document.documentElement.clientHeight;
  // A third of the way down: the card fits below, and the reader sees the text before it.
  if (rect.top < 0 || rect.bottom > height * 0.6) window.scrollBy({ top: rect.top - height / 3, behavior: 'instant' });
}
