/**
 * Test harness for test/e2e/card-mount.spec.ts: the card host bundled on its
 * own (no content script), evaluated by the spec in a CDP isolated world —
 * the same kind of world a content script runs in — on a page served at a
 * real URL. It keeps its handles in that world's globals, which the page's
 * own world cannot see.
 *
 * The host only shows and hides; the decisions are the hover-intent
 * machine's. The harness wires the host's events to the real machine the way
 * the controller does (minus hover timing), so closing works as on a page.
 */
import { mountCard, type CardHost } from '@/entrypoints/card.content/host/card-host';
import { bundledDataset } from '@/lib/bundled-dataset';
import { selectCardData, type CardData } from '@/lib/card-data';
import { INITIAL_HOVER_STATE, stepHoverIntent, type CloseReason, type HoverIntentEvent } from '@/lib/hover-intent';

interface Harness {
  host: CardHost | null;
  /** The pointer is over the card (the host's pointerenter/leave, as the controller hears them). */
  hovered: boolean;
  /** The card's shadow root, captured for assertions (the page itself can never get it). */
  shadow: ShadowRoot | null;
  closes: CloseReason[];
  opened: string[];
  /** Card data selected from the real bundled dataset. */
  cardData(): CardData;
  install(options?: { openShadow?: boolean }): void;
  /** Shows a card for the first text match of `word` inside `selector`. */
  show(data: CardData, selector: string, word: string, engine: string, options?: { focus?: boolean; pinned?: boolean; returnFocusTo?: string }): void;
}

function rangeOf(selector: string, word: string): Range {
  const element = document.querySelector(selector);
  const walker = document.createTreeWalker(element ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent?.indexOf(word) ?? -1;
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      return range;
    }
  }
  throw new Error(`"${word}" not found in ${selector}`);
}

let state = INITIAL_HOVER_STATE;

/** Feeds the machine and carries out its close effects, like the controller. */
function decide(event: HoverIntentEvent): void {
  const step = stepHoverIntent(state, event);
  state = step.state;
  for (const effect of step.effects) {
    if (effect.type !== 'close') continue;
    harness.host?.hide();
    harness.closes.push(effect.reason);
  }
}

const harness: Harness = {
  host: null,
  hovered: false,
  shadow: null,
  closes: [],
  opened: [],
  cardData() {
    const dataset = bundledDataset();
    return selectCardData(dataset, dataset.comparisons[0]!.id);
  },
  install(options = {}) {
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = original.call(this, options.openShadow ? { ...init, mode: 'open' } : init);
      harness.shadow = root;
      return root;
    };
    harness.host = mountCard(document);
    Element.prototype.attachShadow = original;
    const host = harness.host;
    document.addEventListener(
      'pointerdown',
      (event) => decide({ type: 'pointer-down', insideCard: host.containsTarget(event.target), pinned: host.isPinned() }),
      { capture: true },
    );
  },
  show(data, selector, word, engine, options = {}) {
    if (!harness.host) harness.install();
    const host = harness.host!;
    const range = rangeOf(selector, word);
    decide({ type: 'opened', id: 1 });
    host.show(
      data,
      { engine, rects: Array.from(range.getClientRects()), getRects: () => range.getClientRects() },
      {
        focus: options.focus,
        pinned: options.pinned,
        returnFocusTo: options.returnFocusTo ? document.querySelector<HTMLElement>(options.returnFocusTo) : undefined,
        onOpenFullComparison: (id) => harness.opened.push(id),
        onEscape: () => decide({ type: 'escape', focused: host.hasFocus(), pinned: host.isPinned() }),
        onCloseButton: () => decide({ type: 'close-button' }),
        onAnchorGone: () => decide({ type: 'anchor-gone', pinned: host.isPinned() }),
        onPointerEnter: () => {
          harness.hovered = true;
          decide({ type: 'card-enter' });
        },
        onPointerLeave: () => {
          harness.hovered = false;
          decide({ type: 'card-leave', at: performance.now() });
        },
      },
    );
  },
};

(globalThis as { engineLensCardHarness?: Harness }).engineLensCardHarness = harness;
