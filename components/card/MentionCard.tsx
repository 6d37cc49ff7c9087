/**
 * The hover card: the comparison where the engine is named.
 *
 * Props in, callbacks out: no browser APIs, no data fetching, no storage. The
 * card host (entrypoints/card.content/host/) owns placement, focus, dragging
 * and the shadow root; the controller owns hover timing. Everything is
 * rendered as text.
 */
import type { PointerEvent as ReactPointerEvent, ReactNode } from 'react';
import type { CardData } from '@/lib/card-data';
import { orderedVerdictLines } from '@/lib/card-layout';
import type { Theme } from '@/lib/theme';
import { Contradictions } from './Contradictions';
import { DifferenceList } from './DifferenceList';
import { EngineScores } from './EngineScores';
import { FigureList } from './FigureList';
import { CloseIcon, OpenIcon, PinIcon } from './icons';
import { Provenance } from './Provenance';

export interface MentionCardProps {
  data: CardData;
  /** Id of the engine the hovered mention names; highlighted. Null when unknown. */
  mentionedEngineId: string | null;
  theme: Theme;
  /** A pinned card stays open until closed. */
  pinned: boolean;
  onPinnedChange: (pinned: boolean) => void;
  onClose: () => void;
  onOpenFullComparison: (comparisonId: string) => void;
  /** Pointer pressed on the header outside its buttons: the host may start dragging the card. */
  onDragStart?: (event: ReactPointerEvent<HTMLElement>) => void;
  /** Set while the card is being dragged (for the grabbing cursor). */
  dragging?: boolean;
  /** Shown on a card the pointer opened: how to reach it from the keyboard. */
  keyboardHint?: string | null;
  /**
   * What shows the team's pick when `data.teamPick` is set: the host's
   * extension-origin frame (./TeamPickFrame.tsx). The pick itself is never in `data`.
   */
  teamPickFrame?: ReactNode;
}

/** "Engine Lens: vLLM vs TensorRT-LLM", the dialog's accessible name. */
export function cardLabel(data: CardData): string {
  return `Engine Lens: ${data.engines[0].name} vs ${data.engines[1].name}`;
}

/**
 * The card's visible title: whose scores these are, before the reader gets
 * to the footer ("vLLM vs TensorRT-LLM", "The source's scores, AI-generated").
 */
export function cardTitle(data: CardData): { title: string; subtitle: string } {
  return {
    title: `${data.engines[0].name} vs ${data.engines[1].name}`,
    subtitle: data.provenance.aiGenerated ? 'The source’s scores, AI-generated' : 'The source’s scores',
  };
}

export function MentionCard({
  data,
  mentionedEngineId,
  theme,
  pinned,
  onPinnedChange,
  onClose,
  onOpenFullComparison,
  onDragStart,
  dragging = false,
  keyboardHint = null,
  teamPickFrame = null,
}: MentionCardProps) {
  const title = cardTitle(data);
  return (
    <section
      className="el-card"
      role="dialog"
      aria-modal="false"
      aria-label={cardLabel(data)}
      data-theme={theme}
      tabIndex={-1}
    >
      <header
        className="el-header"
        data-dragging={dragging}
        onPointerDown={(event) => {
          // Buttons in the header act on click; only the bare header drags.
          if (event.button !== 0 || (event.target as Element).closest('button, a')) return;
          onDragStart?.(event);
        }}
      >
        <div className="el-title-row">
          {/* The brand's mark only: the card's accessible name says "Engine Lens". */}
          <span className="el-brand-mark" aria-hidden="true" title="Engine Lens" />
          <h2 className="el-title">
            {title.title}
            <span className="el-visually-hidden">, </span>
            <span className="el-subtitle">{title.subtitle}</span>
          </h2>
          <button
            type="button"
            className="el-icon-button"
            aria-pressed={pinned}
            aria-label="Pin"
            title={pinned ? 'Unpin: close when the pointer leaves' : 'Pin: keep this card open'}
            onClick={() => onPinnedChange(!pinned)}
          >
            <PinIcon />
          </button>
          <button type="button" className="el-icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
            <CloseIcon />
          </button>
        </div>
        <EngineScores engines={data.engines} mentionedEngineId={mentionedEngineId} />
      </header>

      <div className="el-body">
        {data.teamPick && teamPickFrame}
        <div className="el-verdict">
          {/* The warning for contradictions in words sits on the verdict's label line: they are about its claims. */}
          <Contradictions
            contradictions={data.contradictions ?? []}
            label={data.verdict.label ? `Verdict · ${data.verdict.label}` : 'Verdict'}
          />
          {/* Both halves of the verdict, the hovered engine's first. */}
          {orderedVerdictLines(data, mentionedEngineId).map(({ engineId, text }) => (
            <p key={engineId ?? 'line'} className="el-verdict-line" data-engine-id={engineId ?? undefined}>
              {text}
            </p>
          ))}
        </div>
        <DifferenceList differences={data.differences} engines={data.engines} />
        <FigureList figures={data.figures} engines={data.engines} />
      </div>

      <footer className="el-footer">
        {keyboardHint && <p className="el-keyboard-hint">{keyboardHint}</p>}
        <Provenance provenance={data.provenance} />
        <button type="button" className="el-primary" onClick={() => onOpenFullComparison(data.comparisonId)}>
          Open full comparison
          <OpenIcon />
        </button>
      </footer>
    </section>
  );
}
