/**
 * Keyboard focus in the card: Tab cycles inside it (the host sits at the end
 * of the document, so leaving would drop focus at the page's end), and focus
 * returns to where it was when a focused card closes.
 */

/** Focusable controls in the card, in tab order. */
export function focusables(card: HTMLElement | null): HTMLElement[] {
  if (!card) return [];
  return Array.from(card.querySelectorAll<HTMLElement>('button, a[href], [tabindex]:not([tabindex="-1"])')).filter(
    (el) => !el.closest('[hidden]') && !(el as HTMLButtonElement).disabled,
  );
}

/** Handles Tab / Shift+Tab at the card's edges; `active` is the element focused in the card. */
export function cycleTab(event: KeyboardEvent, card: HTMLElement | null, active: Element | null): void {
  const items = focusables(card);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && (active === first || active === card)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** What had focus on the page before the card took it (never the card's own host). */
export function focusedOutside(doc: Document, host: Element): HTMLElement | null {
  const active = doc.activeElement;
  const win = doc.defaultView;
  return win && active instanceof win.HTMLElement && active !== host ? active : null;
}
