/**
 * "On this page" in the popup: how many mentions of each engine the current
 * tab has, and a list of them with the text around each; choosing one scrolls
 * the page to it and opens its card (the glue in entrypoints/popup/ does that).
 *
 * The list is one Tab stop (a roving tabindex, lib/roving.ts): the arrow
 * keys move between mentions, so a page with hundreds of them does not put
 * hundreds of Tab stops before the rest of the popup.
 *
 * Props in, callbacks out: no browser APIs here. Snippets are page text and
 * are rendered as text.
 */
import { useId, useRef, useState } from 'react';
import type { PageMention } from '@/lib/messaging';
import { rovingTarget } from '@/lib/roving';
import './on-this-page.css';

export interface PageDigest {
  /** Mentions per engine id over the whole page. */
  counts: Record<string, number>;
  total: number;
  /** The listed mentions (the first few hundred), in document order. */
  mentions: readonly PageMention[];
}

export type PageDigestState =
  | { phase: 'loading' }
  /** The tab has no Engine Lens content script (a browser page, or a site Engine Lens does not run on). */
  | { phase: 'unavailable' }
  | { phase: 'ready'; digest: PageDigest };

/** Display names of the engines the detector knows; an unknown id shows as itself. */
const ENGINE_NAMES: Readonly<Record<string, string>> = { vllm: 'vLLM', 'tensorrt-llm': 'TensorRT-LLM' };
const engineName = (id: string) => ENGINE_NAMES[id] ?? id;

export function OnThisPage({
  state,
  onChoose,
  message = null,
}: {
  state: PageDigestState;
  /** The user chose a mention: scroll to it and open its card. */
  onChoose: (mentionId: number) => void;
  /** A short status line, e.g. when a card could not be opened. */
  message?: string | null;
}) {
  return (
    <section className="card on-this-page" aria-labelledby="on-this-page-heading">
      <h2 id="on-this-page-heading">On this page</h2>
      <DigestBody state={state} onChoose={onChoose} />
      {message && (
        <p className="hint" role="status">
          {message}
        </p>
      )}
    </section>
  );
}

function DigestBody({ state, onChoose }: { state: PageDigestState; onChoose: (mentionId: number) => void }) {
  if (state.phase === 'loading') {
    return (
      <p className="hint" role="status">
        Looking for mentions on this page…
      </p>
    );
  }
  if (state.phase === 'unavailable') {
    return (
      <p className="hint">
        Engine Lens does not mark this page. It runs on GitHub, the vLLM and NVIDIA docs and forums, Hugging Face,
        Reddit, Hacker News and Stack Overflow.
      </p>
    );
  }
  const { digest } = state;
  if (digest.total === 0) return <p className="hint">No vLLM or TensorRT-LLM mentions on this page yet.</p>;
  // Known engines in their usual order (vLLM first, as in the comparison), then any other.
  const known = Object.keys(ENGINE_NAMES);
  const rank = (id: string) => (known.includes(id) ? known.indexOf(id) : known.length);
  const engines = Object.keys(digest.counts).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <>
      <p className="digest-counts">
        {engines.map((id, index) => (
          <span key={id} className={`digest-count engine-${id}`}>
            {index > 0 && <span aria-hidden="true"> · </span>}
            {engineName(id)} <strong>{digest.counts[id]}</strong>
          </span>
        ))}
      </p>
      <MentionList mentions={digest.mentions} onChoose={onChoose} />
      {digest.total > digest.mentions.length && (
        <p className="hint">
          Showing the first {digest.mentions.length} of {digest.total} mentions.
        </p>
      )}
    </>
  );
}

/** The mentions as one Tab stop: only the current item is tabbable; arrows, Home and End move. */
function MentionList({ mentions, onChoose }: { mentions: readonly PageMention[]; onChoose: (mentionId: number) => void }) {
  const [current, setCurrent] = useState(0);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const hintId = useId();
  // The list can shrink under a stale index (a new digest): the last item is then current.
  const active = Math.min(current, mentions.length - 1);
  return (
    <>
      <ul
        className="digest-list"
        aria-label="Mentions on this page"
        aria-describedby={hintId}
        onKeyDown={(event) => {
          const next = rovingTarget(event.key, active, mentions.length);
          if (next === null) return;
          event.preventDefault();
          setCurrent(next);
          items.current[next]?.focus();
        }}
      >
        {mentions.map((mention, index) => (
          <li key={mention.id}>
            <button
              type="button"
              ref={(element) => {
                items.current[index] = element;
              }}
              tabIndex={index === active ? 0 : -1}
              className={`digest-item engine-${mention.engine}`}
              onFocus={() => setCurrent(index)}
              onClick={() => onChoose(mention.id)}
            >
              <span className="digest-engine">{engineName(mention.engine)}</span>
              <span className="digest-snippet">
                {mention.before}
                <mark>{mention.text}</mark>
                {mention.after}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="hint" id={hintId}>
        One Tab stop: the arrow keys move between mentions, Home and End go to the first and last, Enter opens the
        mention’s card.
      </p>
    </>
  );
}
