import type { Comparison, Engine } from '@/lib/schema';
import { chartRows, disagreementFor, engineName } from '@/lib/comparison-view';

/**
 * Side-by-side bars for the numeric figures both engines have. Bars are scaled
 * per row; a range is drawn from its low to its high end, an open-ended value
 * ("3,200+") fades out. The raw text stays beside each bar: the chart is a
 * reading aid, not a new figure.
 */
export function Charts({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const rows = chartRows(
    comparison.facts,
    engines.map((e) => e.id),
  );
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      <p className="hint">Figures both engines have, scaled per row. Lower is not always better: read the metric.</p>
      {rows.map(({ fact, bars }) => (
        <figure key={fact.id} className="chart">
          <figcaption>
            {fact.metric}
            {fact.unit && <span className="unit"> ({fact.unit})</span>}
            {disagreementFor(comparison, fact.id) && <span className="tag warn">sources disagree</span>}
          </figcaption>
          {bars.map((bar) => (
            <div key={bar.engineId} className={`bar-row engine-${bar.engineId}`}>
              <span className="bar-label">{engineName(engines, bar.engineId)}</span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={bar.openEnded ? 'bar open-ended' : 'bar'}
                  style={{ left: `${bar.from * 100}%`, width: `${Math.max(bar.to - bar.from, 0.01) * 100}%` }}
                />
              </span>
              <span className="bar-value">{bar.raw}</span>
            </div>
          ))}
        </figure>
      ))}
    </section>
  );
}
