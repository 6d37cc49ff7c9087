import { PRIORITY_LABELS, type Priorities } from '@/lib/pins';
import type { Comparison, Engine } from '@/lib/schema';
import { weighVerdict } from '@/lib/weighted-verdict';

/**
 * The verdict weighted by a pin's priorities (lib/weighted-verdict.ts), next
 * to the published one: which engine the priorities favour, by how many of
 * the team's weighted points, and which differences decided it.
 */
export function WeightedVerdictView({
  priorities,
  comparison,
  engines,
}: {
  priorities: Priorities;
  comparison: Comparison;
  engines: readonly Engine[];
}) {
  const [a, b] = engines;
  if (!a || !b) return null;
  const verdict = weighVerdict(comparison.keyDifferences, [a.id, b.id], priorities);
  const name = (id: string | null) => engines.find((e) => e.id === id)?.name ?? id ?? '';
  return (
    <div className="pin-verdicts">
      <div className="pin-verdict" data-pin-verdict="weighted">
        <p className="pin-verdict-title">Weighted by the team’s priorities</p>
        {verdict.kind === 'not-enough-data' ? (
          <p>
            <strong>Not enough data.</strong> {verdict.reason}
          </p>
        ) : (
          <>
            <p className="pin-verdict-result">
              {verdict.kind === 'tie' ? (
                <>Evenly split</>
              ) : (
                <>
                  Favours <strong className={`engine-${verdict.leader}`}>{name(verdict.leader)}</strong> by {verdict.margin}
                </>
              )}
            </p>
            <p className="hint">
              {a.name} {verdict.points[a.id] ?? 0}, {b.name} {verdict.points[b.id] ?? 0} of {verdict.total} points: each key
              difference gives its topic’s priority to the engine the source names as its winner.
            </p>
            {verdict.decidedBy.length > 0 && (
              <p>
                Decided by:{' '}
                {verdict.decidedBy.map((d, i) => (
                  <span key={d.id}>
                    {i > 0 && ', '}
                    {d.title} ({PRIORITY_LABELS[d.topic].toLowerCase()} ×{d.weight})
                  </span>
                ))}
              </p>
            )}
          </>
        )}
      </div>
      <div className="pin-verdict" data-pin-verdict="published">
        <p className="pin-verdict-title">
          Published verdict{comparison.provenance.verdictLabel ? ` (${comparison.provenance.verdictLabel})` : ''}
        </p>
        <p className="pin-verdict-result">
          {engines.map((engine, i) => (
            <span key={engine.id}>
              {i > 0 && ' · '}
              {engine.name} <strong>{comparison.verdict.scores[engine.id]?.toFixed(1) ?? '—'}</strong>
            </span>
          ))}
        </p>
        <p className="hint">Scores out of 10, as the source gives them.</p>
      </div>
    </div>
  );
}
