/**
 * How much of the card data the hover card shows. Kept apart from
 * lib/card-data.ts (which builds zod schemas at load time) so the card UI
 * bundle does not pull zod in just for two numbers.
 */

/** How many key differences the card shows before "Show all". */
export const CARD_DIFFERENCES_SHOWN = 3;
/** The most figures the card shows side by side. */
export const CARD_FIGURE_LIMIT = 4;
