import type { Comparison, Engine } from '@/lib/schema';

/** The verdict first: short answer, both scores, and "choose X if" for each engine. */
export function Verdict({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  return (
    <section className="card verdict" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">
        Verdict
        {comparison.provenance.verdictLabel && <span className="tag">{comparison.provenance.verdictLabel}</span>}
      </h2>
      <p className="short-answer">{comparison.shortAnswer}</p>
      <ul className="scores" aria-label="Scores out of 10">
        {engines.map((engine) => {
          const score = comparison.verdict.scores[engine.id];
          return (
            <li key={engine.id} className={`score engine-${engine.id}`}>
              <span className="score-name">{engine.name}</span>
              <span className="score-value" aria-label={`${engine.name} score`}>
                {score === undefined ? '—' : score.toFixed(1)}
              </span>
              <span className="score-bar" aria-hidden="true">
                <span style={{ width: `${((score ?? 0) / 10) * 100}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
      <p className="verdict-text">{comparison.verdict.text}</p>
      <div className="choose-if">
        {engines.map((engine) => (
          <div key={engine.id} className={`choose engine-${engine.id}`}>
            <h3>Choose {engine.name} if</h3>
            <p>{comparison.chooseIf[engine.id] ?? '—'}</p>
          </div>
        ))}
      </div>
    </section>
  );
}
