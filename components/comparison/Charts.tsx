import type { Comparison, Engine } from '@/lib/schema';
import { axisLabel, chartRows, DIRECTION_LABELS, engineName, type ChartBar, type ChartRow } from '@/lib/comparison-view';
import { DirectionIcon, WarningIcon } from '@/components/card/icons';

/**
 * Bars for the numeric figures both engines have. Each chart has one scale
 * for all its bars, with an axis from 0 to its labelled maximum (percentages
 * on 0–100), and says which direction is better when the metric has one. A
 * range is drawn from its low to its high end; an open-ended value ("3,200+")
 * fades out. A row the sources disagree on draws every claim, each naming its
 * row. The raw text stays beside each bar: the chart is a reading aid, not a
 * new figure.
 */
export function Charts({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const rows = chartRows(
    comparison,
    engines.map((e) => e.id),
  );
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Charts</h2>
      <p className="hint">
        Figures both engines have. Each chart has its own axis from 0; bars of one chart share it.
      </p>
      <div className="charts">
        {rows.map((row) => (
          <Chart key={row.fact.id} row={row} engines={engines} />
        ))}
      </div>
    </section>
  );
}

function Chart({ row, engines }: { row: ChartRow; engines: Engine[] }) {
  const { fact, scale, direction } = row;
  return (
    <figure className="chart" data-fact-id={fact.id} data-contested={row.contested}>
      <figcaption>
        <span className="chart-title">
          {fact.metric}
          {fact.unit && <span className="unit"> ({fact.unit})</span>}
        </span>
        {direction && (
          <span className="direction" data-direction={direction}>
            <DirectionIcon direction={direction} />
            {DIRECTION_LABELS[direction]}
          </span>
        )}
        {row.contested && (
          <span className="tag warn">
            <WarningIcon />
            Sources disagree: every claim drawn
          </span>
        )}
      </figcaption>
      {engines.map((engine) => {
        const bars = row.bars.filter((b) => b.engineId === engine.id);
        if (bars.length === 0) return null;
        return (
          <div key={engine.id} className={`chart-engine engine-${engine.id}`}>
            {row.contested && <p className="chart-engine-name">{engine.name}</p>}
            {bars.map((bar, index) => (
              <Bar key={index} bar={bar} label={row.contested ? null : engineName(engines, bar.engineId)} />
            ))}
          </div>
        );
      })}
      <div className="axis" aria-hidden="true">
        <span>{axisLabel(0, scale)}</span>
        <span>{axisLabel(scale.max, scale)}</span>
      </div>
      <p className="visually-hidden">
        Axis from {axisLabel(0, scale)} to {axisLabel(scale.max, scale)}.
      </p>
      {row.leftOut.length > 0 && (
        <p className="chart-left-out">
          Not drawn:{' '}
          {row.leftOut
            .map((c) => `${engineName(engines, c.engineId)} “${c.raw}” (${c.source.label}: ${c.reason})`)
            .join('; ')}
          .
        </p>
      )}
    </figure>
  );
}

/** One bar: the engine (or the claim's row) and the raw value as text, the bar itself decorative. */
function Bar({ bar, label }: { bar: ChartBar; label: string | null }) {
  return (
    <div className="bar-row">
      <span className="bar-text">
        {label && <span className="bar-label">{label}</span>}
        <span className="bar-value">{bar.raw}</span>
        {!label && <span className="bar-source">{bar.source.label}</span>}
      </span>
      <span className="bar-track" aria-hidden="true">
        <span
          className={bar.openEnded ? 'bar open-ended' : 'bar'}
          style={{ left: `${bar.from * 100}%`, width: `${Math.max(bar.to - bar.from, 0.01) * 100}%` }}
        />
      </span>
    </div>
  );
}
