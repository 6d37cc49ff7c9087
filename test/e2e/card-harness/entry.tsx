/**
 * Test harness for test/e2e/card-mount.spec.ts: the card mount module bundled
 * on its own (no content script), evaluated by the spec in a CDP isolated
 * world — the same kind of world a content script runs in — on a page served
 * at a real URL. It keeps its handles in that world's globals, which the
 * page's own world cannot see.
 */
import { mountCard, type CardHost, type CloseReason } from '@/components/card/mount';
import { bundledDataset } from '@/lib/bundled-dataset';
import { selectCardData, type CardData } from '@/lib/card-data';

interface Harness {
  host: CardHost | null;
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

const harness: Harness = {
  host: null,
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
  },
  show(data, selector, word, engine, options = {}) {
    if (!harness.host) harness.install();
    const range = rangeOf(selector, word);
    harness.host!.show(
      data,
      { engine, rects: Array.from(range.getClientRects()), getRects: () => range.getClientRects() },
      {
        focus: options.focus,
        pinned: options.pinned,
        returnFocusTo: options.returnFocusTo ? document.querySelector<HTMLElement>(options.returnFocusTo) : undefined,
        onClose: (reason) => harness.closes.push(reason),
        onOpenFullComparison: (id) => harness.opened.push(id),
      },
    );
  },
};

(globalThis as { engineLensCardHarness?: Harness }).engineLensCardHarness = harness;
