/**
 * Hover hit-testing: which mention, if any, is under the pointer. One passive
 * pointermove listener for the whole page, throttled to one hit-test per
 * animation frame, so the cost does not grow with the number of mentions.
 * Also whether a modifier key is held (cards can be set to open only then).
 *
 * Only the user's own input counts: events a page script dispatches
 * (`isTrusted: false`) are ignored, so a page cannot open cards by itself.
 *
 * The hover card subscribes with {@link onMentionHover} and {@link onModifierChange}.
 */
import type { MentionHoverEvent, MentionHoverListener, RegisteredMention } from '@/lib/browser/isolated-world';
import type { BusyClock } from './perf';
import type { MentionEntry, MentionRegistry } from './registry';
import { containsPoint } from './viewport';

const listeners = new Set<MentionHoverListener>();
let hovered: MentionEntry | null = null;
const modifierListeners = new Set<(held: boolean) => void>();
let modifier = false;

/**
 * Calls `listener` whenever the pointer enters or leaves a mention. Every
 * `enter` is followed by exactly one `leave` for the same mention before the
 * next `enter` (also when the mention is removed from the page while hovered).
 * Returns a function that unsubscribes.
 */
export function onMentionHover(listener: MentionHoverListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The mention under the pointer right now, if any. */
export function hoveredMention(): RegisteredMention | null {
  return hovered;
}

/** Whether a modifier key (Alt/Option, Ctrl, Meta, Shift) is held, as the user's last input said. */
export function modifierHeld(): boolean {
  return modifier;
}

/** Calls `listener` when a modifier key goes down or up; returns a function that unsubscribes. */
export function onModifierChange(listener: (held: boolean) => void): () => void {
  modifierListeners.add(listener);
  return () => modifierListeners.delete(listener);
}

function setModifier(held: boolean): void {
  if (held === modifier) return;
  modifier = held;
  for (const listener of modifierListeners) {
    try {
      listener(held);
    } catch (error) {
      console.error('[Engine Lens] modifier listener failed', error);
    }
  }
}

const holdsModifier = (event: KeyboardEvent | PointerEvent) => event.altKey || event.ctrlKey || event.metaKey || event.shiftKey;

function emit(event: MentionHoverEvent): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch (error) {
      // One broken listener must not stop hover for the others.
      console.error('[Engine Lens] hover listener failed', error);
    }
  }
}

/** The text position under a point, from whichever caret API the browser has. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const legacy = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const range = legacy.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** True when (x, y) is inside one of the boxes of the mention's glyphs. */
function overGlyphs(entry: MentionEntry, x: number, y: number): boolean {
  for (const r of entry.range.getClientRects()) if (containsPoint(r, x, y)) return true;
  return false;
}

/**
 * The mention whose glyphs are under (x, y), or null. The caret position under
 * the pointer narrows the search to one text node; the mention's client rects
 * then decide, so a pointer past the end of the line or between words is not
 * a hit even though the caret snaps to the nearest character.
 */
export function hitTest(registry: MentionRegistry, doc: Document, x: number, y: number): MentionEntry | null {
  if (registry.size === 0) return null;
  const caret = caretAt(doc, x, y);
  if (caret && caret.node.nodeType === 3 /* TEXT_NODE */) {
    for (const entry of registry.entriesOf(caret.node as Text)) {
      if (caret.offset >= entry.start && caret.offset <= entry.end && overGlyphs(entry, x, y)) return entry;
    }
    return null;
  }
  // No text caret (e.g. `user-select: none` in some engines): try the text
  // nodes directly inside the element under the pointer.
  const el = doc.elementFromPoint(x, y);
  for (let child = el?.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 3) continue;
    for (const entry of registry.entriesOf(child as Text)) if (overGlyphs(entry, x, y)) return entry;
  }
  return null;
}

/** Starts tracking the pointer over `doc`'s mentions until `signal` aborts. */
export function startHoverTracking(
  doc: Document,
  registry: MentionRegistry,
  clock: BusyClock,
  signal: AbortSignal,
): void {
  const win = doc.defaultView;
  if (!win) return;
  let x = 0;
  let y = 0;
  let pointerInside = false;
  let framePending = false;

  const setHovered = (entry: MentionEntry | null) => {
    if (entry === hovered) return;
    const previous = hovered;
    hovered = entry;
    if (previous) emit({ type: 'leave', mention: previous });
    if (entry) emit({ type: 'enter', mention: entry });
  };

  const update = () => {
    framePending = false;
    if (signal.aborted) return;
    clock.time(() => setHovered(pointerInside ? hitTest(registry, doc, x, y) : null));
  };

  // Throttle: at most one hit-test per frame, and none while there is nothing to hit or leave.
  const schedule = () => {
    if (framePending || (registry.size === 0 && hovered === null)) return;
    framePending = true;
    win.requestAnimationFrame(update);
  };

  const listen = { capture: true, passive: true, signal };
  doc.addEventListener(
    'pointermove',
    (event: PointerEvent) => {
      if (!event.isTrusted || event.pointerType === 'touch') return; // a page's own events; touch has no hover
      x = event.clientX;
      y = event.clientY;
      pointerInside = true;
      setModifier(holdsModifier(event));
      schedule();
    },
    listen,
  );
  // The pointer left the window.
  doc.addEventListener(
    'pointerout',
    (event: PointerEvent) => {
      if (event.isTrusted && event.relatedTarget === null) {
        pointerInside = false;
        schedule();
      }
    },
    listen,
  );
  // Modifier keys: the key's own event says whether it is held after it (keyup of Alt: altKey false).
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted) setModifier(holdsModifier(event));
  };
  doc.addEventListener('keydown', onKey, listen);
  doc.addEventListener('keyup', onKey, listen);
  // Keys released while the window had no focus are never reported.
  win.addEventListener('blur', (event) => event.isTrusted && setModifier(false), listen);
  // Scrolling moves text under a still pointer.
  win.addEventListener('scroll', schedule, listen);

  // A hovered mention that leaves the page gets its `leave`.
  const unsubscribe = registry.onChange(() => {
    if (hovered && !registry.has(hovered)) setHovered(null);
  });
  signal.addEventListener('abort', () => {
    unsubscribe();
    setHovered(null);
    setModifier(false);
  });
}
