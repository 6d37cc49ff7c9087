import type { Figure } from '@/lib/schema';
import { NO_VALUE } from '@/lib/comparison-view';

/** A figure exactly as the source prints it, or "—" (announced as "no value") when the source has none. */
export function FigureText({ figure }: { figure: Figure | undefined }) {
  if (!figure) {
    return (
      <span className="no-value" aria-label="No value in the source" title="No value in the source">
        {NO_VALUE}
      </span>
    );
  }
  return <span className="figure">{figure.raw}</span>;
}
