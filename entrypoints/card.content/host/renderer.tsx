/**
 * Renders the card (React) into the host's layer, synchronously (flushSync),
 * so the card can be measured and placed before the browser paints. Keeps
 * one card rendered ahead (`prepare`, during the hover delay) so that showing
 * it only has to attach and place it.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { MentionCard } from '@/components/card/MentionCard';
import { TeamPickFrame } from '@/components/card/TeamPickFrame';
import type { CardData } from '@/lib/card-data';
import type { Theme } from '@/lib/theme';
import { teamPickFrameUrl } from './team-pick-frame';

/** Everything the rendered card depends on; equal inputs render an identical card. */
export interface RenderInputs {
  /** Bumped per shown card, so each starts with fresh UI state (toggles closed). */
  key: number;
  data: CardData;
  engine: string;
  theme: Theme;
  pinned: boolean;
  dragging: boolean;
  /** How to reach the card from the keyboard, on a card the pointer opened. */
  hint: string | null;
}

/** What the rendered card reports; stable for the renderer's life, so a prepared card needs no re-render. */
export interface CardCallbacks {
  onPinnedChange(pinned: boolean): void;
  onClose(): void;
  onOpenFullComparison(comparisonId: string): void;
  onDragStart(event: ReactPointerEvent<HTMLElement>): void;
}

export interface CardRenderer {
  /** Renders `inputs` (null: nothing), unless the layer already holds exactly that. */
  render(inputs: RenderInputs | null): void;
  /** Renders a fresh card ahead for `data`, `engine` and `theme` (does nothing if that is already the one), as a hover opens it. */
  prepare(data: CardData, engine: string, theme: Theme, hint: string | null): void;
  /**
   * The key of the card rendered ahead when it was for these inputs, so
   * showing it keeps the very same render; a new key otherwise. Either way the
   * prepared card is used up.
   */
  keyFor(data: CardData, engine: string, theme: Theme, fresh: boolean): number;
  unmount(): void;
}

function sameInputs(a: RenderInputs | null, b: RenderInputs | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.key === b.key &&
    a.data === b.data &&
    a.engine === b.engine &&
    a.theme === b.theme &&
    a.pinned === b.pinned &&
    a.dragging === b.dragging &&
    a.hint === b.hint
  );
}

export function createCardRenderer(layer: HTMLElement, callbacks: CardCallbacks): CardRenderer {
  let root: Root | null = null;
  let rendered: RenderInputs | null = null;
  /** A card rendered by `prepare` and not shown yet (fresh UI state), or null. */
  let prepared: RenderInputs | null = null;
  let keyCounter = 0;

  const isPrepared = (data: CardData, engine: string, theme: Theme) =>
    prepared !== null && prepared === rendered && prepared.data === data && prepared.engine === engine && prepared.theme === theme;

  function render(next: RenderInputs | null): void {
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
            keyboardHint={next.hint}
            onPinnedChange={callbacks.onPinnedChange}
            onClose={callbacks.onClose}
            onOpenFullComparison={callbacks.onOpenFullComparison}
            onDragStart={callbacks.onDragStart}
            teamPickFrame={next.data.teamPick ? <TeamPickFrame src={teamPickFrameUrl(next.theme)} /> : null}
          />
        ) : null,
      );
    });
    rendered = next;
  }

  return {
    render,
    prepare(data, engine, theme, hint) {
      if (isPrepared(data, engine, theme)) return;
      render({ key: ++keyCounter, data, engine, theme, pinned: false, dragging: false, hint });
      prepared = rendered;
    },
    keyFor(data, engine, theme, fresh) {
      const key = !fresh && isPrepared(data, engine, theme) ? prepared!.key : ++keyCounter;
      prepared = null;
      return key;
    },
    unmount() {
      root?.unmount();
      root = null;
      rendered = null;
      prepared = null;
    },
  };
}
