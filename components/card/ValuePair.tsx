import type { ReactNode } from 'react';
import type { CardEngine } from '@/lib/card-data';
import { TrophyIcon } from './icons';

/**
 * Two engines' values in two halves that line up under the engine tiles
 * above (first engine left, second right). Each value is prefixed with its
 * engine's name for screen readers, which do not see the alignment.
 */
export function ValuePair({
  engines,
  values,
  winner = null,
  numeric = false,
}: {
  engines: readonly [CardEngine, CardEngine];
  values: Record<string, string>;
  /** Engine id to mark as the winner (key differences). */
  winner?: string | null;
  /** Figures: tabular digits, all values emphasised. */
  numeric?: boolean;
}) {
  return (
    <div className="el-pair" data-numeric={numeric}>
      {engines.map((engine) => {
        const wins = winner === engine.id;
        const value: ReactNode = values[engine.id] ?? (
          <span className="el-no-value" title="No value in the source">
            —<span className="el-visually-hidden"> (no value in the source)</span>
          </span>
        );
        return (
          <div key={engine.id} className="el-value" data-winner={wins}>
            <span className="el-visually-hidden">{engine.name}: </span>
            {wins && <TrophyIcon />}
            {value}
            {wins && <span className="el-visually-hidden"> (wins)</span>}
          </div>
        );
      })}
    </div>
  );
}
