/**
 * How much of the card data the hover card shows, and in which order. Kept
 * apart from lib/card-data.ts (which builds zod schemas at load time) so the
 * card UI does not pull zod in for a few numbers and a sort.
 */
import type { CardData } from './card-data';

/** How many key differences the card shows before "Show all". */
export const CARD_DIFFERENCES_SHOWN = 3;
/** The most figures the card shows side by side. */
export const CARD_FIGURE_LIMIT = 4;

/**
 * The verdict's halves in the order the card shows them: the hovered
 * engine's first, then the other's (a card opened on "TensorRT-LLM" starts
 * with "Choose TensorRT-LLM if …"). Falls back to the single `line` when the
 * data lacks a half for either engine.
 */
export function orderedVerdictLines(
  data: Pick<CardData, 'engines' | 'verdict'>,
  mentionedEngineId: string | null,
): Array<{ engineId: string | null; text: string }> {
  const byEngine = data.verdict.byEngine ?? {};
  const engines = [...data.engines];
  if (!engines.every((e) => byEngine[e.id])) return [{ engineId: null, text: data.verdict.line }];
  // Stable sort: the mentioned engine first, the others in the comparison's order.
  engines.sort((a, b) => Number(b.id === mentionedEngineId) - Number(a.id === mentionedEngineId));
  return engines.map((e) => ({ engineId: e.id, text: byEngine[e.id]! }));
}
