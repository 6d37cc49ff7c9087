/**
 * The card's home on a web page: one plain <div data-engine-lens-card>,
 * attached to <html> only while a card is shown or about to be (hidden, see
 * `stage`), holding a **closed** shadow root so the page can neither style
 * nor read the card. Also where the card's CSS is loaded and where keys typed
 * in the card stop.
 */

/** The attribute that marks Engine Lens's UI host on a page. */
export const CARD_HOST_ATTRIBUTE = 'data-engine-lens-card';

export interface ShadowHost {
  /** The element on the page (the only thing the page can see). */
  readonly element: HTMLDivElement;
  /** The positioned layer inside the shadow root that holds the card. */
  readonly layer: HTMLDivElement;
  /** How the stylesheet was loaded: a constructed sheet, or a <style> fallback if that failed. */
  readonly styleMode: 'adopted' | 'style-element';
  /** Attaches the host with its card shown. */
  attach(): void;
  /**
   * Attaches the host with its card hidden (a card rendered ahead): the
   * browser styles and lays it out in its next frame, so that {@link attach}
   * only has to reveal it.
   */
  stage(): void;
  detach(): void;
  /** The card's dialog element, when one is rendered. */
  cardElement(): HTMLElement | null;
  /** The element focused inside the shadow root, if any. */
  activeElement(): Element | null;
  /**
   * Whether an event target belongs to the card. Page-level listeners see
   * events from inside the closed shadow root retargeted to the host element.
   */
  contains(target: EventTarget | null): boolean;
}

export function createShadowHost(doc: Document, css: string): ShadowHost {
  const win = doc.defaultView;
  if (!win) throw new Error('The card needs a document that has a window.');
  // A plain <div>: a custom element name could be upgraded by a page-defined class.
  const element = doc.createElement('div');
  element.setAttribute(CARD_HOST_ATTRIBUTE, '');
  // Closed: `element.shadowRoot` is null for the page; this closure holds the only reference.
  const shadow = element.attachShadow({ mode: 'closed' });
  const styleMode = adoptStyles(doc, shadow, css);
  const layer = doc.createElement('div');
  layer.className = 'el-layer';
  shadow.append(layer);
  // Keys typed in the card are the card's: don't trigger the page's shortcuts (GitHub's "s", "?"...).
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    shadow.addEventListener(type, (event) => event.stopPropagation());
  }
  return {
    element,
    layer,
    styleMode,
    attach: () => {
      layer.removeAttribute('data-staged');
      if (!element.isConnected) doc.documentElement.append(element);
    },
    stage: () => {
      layer.setAttribute('data-staged', '');
      if (!element.isConnected) doc.documentElement.append(element);
    },
    detach: () => element.remove(),
    cardElement: () => layer.querySelector<HTMLElement>('[role="dialog"]'),
    activeElement: () => shadow.activeElement,
    contains: (target) =>
      target instanceof win.Node && (target === element || element.contains(target) || shadow.contains(target)),
  };
}

/**
 * Loads CSS into the shadow root without touching the page's CSP: a
 * constructed stylesheet is not subject to `style-src`. Some Firefox
 * content-script contexts reject adopting a sheet; a <style> element the
 * extension creates is the fallback.
 */
function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): ShadowHost['styleMode'] {
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
