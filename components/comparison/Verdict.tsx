import type { Comparison, Engine } from '@/lib/schema';
import { verdictSentences } from '@/lib/card-data';
import { textGroupsQuoting } from '@/lib/comparison-view';
import { TextDisagreeFlag } from './TextClaims';

/**
 * The verdict first, as the most readable text of the view: both scores, the
 * verdict's "Choose X if …" sentences one per line, and each engine's
 * "choose if" audience. The source's short answer follows under its own
 * title. Where the source contradicts these words elsewhere, a flag says so.
 */
export function Verdict({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const sentences = verdictSentences(comparison.verdict.text, engines);
  return (
    <section className="card verdict" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">
        Verdict
        {comparison.provenance.verdictLabel && <span className="tag">{comparison.provenance.verdictLabel}</span>}
      </h2>
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
      <div className="verdict-text">
        {sentences.map(({ text, engineId }, index) => (
          <p key={index} className={engineId ? `verdict-line engine-${engineId}` : 'verdict-line'}>
            {text}
          </p>
        ))}
      </div>
      <TextDisagreeFlag
        groups={textGroupsQuoting(comparison, ['verdict', 'chooseIf'])}
        comparison={comparison}
        engines={engines}
        subject="the verdict"
      />
      <div className="choose-if">
        {engines.map((engine) => (
          <div key={engine.id} className={`choose engine-${engine.id}`}>
            <h3>Choose {engine.name} if</h3>
            <p>{comparison.chooseIf[engine.id] ?? '—'}</p>
          </div>
        ))}
      </div>
      <h3 className="short-answer-title">Short answer</h3>
      <p className="short-answer">{comparison.shortAnswer}</p>
      <TextDisagreeFlag
        groups={textGroupsQuoting(comparison, ['shortAnswer'])}
        comparison={comparison}
        engines={engines}
        subject="the short answer"
      />
    </section>
  );
}
