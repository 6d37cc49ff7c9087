/**
 * Dragging the card by its header: past a small threshold the card follows
 * the pointer (kept inside the viewport), and a card the user moved out of the
 * way stays where it was put.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';

/** Pointer travel (px) before a press on the header counts as a drag. */
const DRAG_THRESHOLD = 3;

export interface DragTarget {
  /** Where the card's top-left corner is now (viewport px), and its size. */
  start: { left: number; top: number; width: number; height: number };
  /** The first move past the threshold. */
  onStart(): void;
  /** Moves the card to (left, top) before clamping. */
  moveTo(left: number, top: number): void;
  /** The press ended (after a drag or not). */
  onEnd(): void;
  /** False once the card the drag started on has gone. */
  isCurrent(): boolean;
}

export function startDrag(event: ReactPointerEvent<HTMLElement>, target: DragTarget): void {
  const handle: HTMLElement = event.currentTarget;
  const { start } = target;
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
      if (move.pointerId !== pointerId || !target.isCurrent()) return;
      const dx = move.clientX - startX;
      const dy = move.clientY - startY;
      if (!moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!moved) {
        moved = true;
        target.onStart();
      }
      target.moveTo(start.left + dx, start.top + dy);
    },
    { signal: drag.signal },
  );
  const end = (up: PointerEvent) => {
    if (up.pointerId !== pointerId) return;
    drag.abort();
    if (moved && target.isCurrent()) target.onEnd();
  };
  handle.addEventListener('pointerup', end, { signal: drag.signal });
  handle.addEventListener('pointercancel', end, { signal: drag.signal });
}
