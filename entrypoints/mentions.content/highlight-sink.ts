/**
 * Where the registry paints: the two CSS Custom Highlights, one per engine,
 * that the mentions style sheet underlines. Kept apart from the registry so
 * that unit tests can hand it a recording sink instead.
 */
import type { DetectedEngineId } from '@/lib/detect';

/** The highlight names in `CSS.highlights`, one per engine (the style sheet targets these). */
export const HIGHLIGHT_NAMES: Readonly<Record<DetectedEngineId, string>> = {
  vllm: 'engine-lens-vllm',
  'tensorrt-llm': 'engine-lens-tensorrt-llm',
};

/** Where the registry paints; absent in browsers without the Custom Highlight API (marks then stay invisible). */
export interface HighlightSink {
  add(engine: DetectedEngineId, range: Range): void;
  delete(engine: DetectedEngineId, range: Range): void;
  /** Puts our highlights back if the page cleared `CSS.highlights`. */
  ensureRegistered(): void;
  dispose(): void;
}

/**
 * The real sink: two `Highlight` objects registered under
 * {@link HIGHLIGHT_NAMES}, created with the first mark. A page without a
 * mention (most pages) never gets any: nothing to create or register, and
 * nothing for the browser to consider when it styles the page.
 */
export function cssHighlightSink(): HighlightSink | null {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight !== 'function') return null;
  const registry = CSS.highlights;
  let highlights: Record<DetectedEngineId, Highlight> | null = null;
  const ensureRegistered = () => {
    if (!highlights) return;
    for (const engine of Object.keys(highlights) as DetectedEngineId[]) {
      if (registry.get(HIGHLIGHT_NAMES[engine]) !== highlights[engine]) {
        registry.set(HIGHLIGHT_NAMES[engine], highlights[engine]);
      }
    }
  };
  return {
    add: (engine, range) => {
      if (!highlights) {
        highlights = { vllm: new Highlight(), 'tensorrt-llm': new Highlight() };
        ensureRegistered();
      }
      highlights[engine].add(range);
    },
    delete: (engine, range) => void highlights?.[engine].delete(range),
    ensureRegistered,
    dispose: () => {
      if (!highlights) return;
      for (const engine of Object.keys(highlights) as DetectedEngineId[]) {
        if (registry.get(HIGHLIGHT_NAMES[engine]) === highlights[engine]) registry.delete(HIGHLIGHT_NAMES[engine]);
      }
    },
  };
}
