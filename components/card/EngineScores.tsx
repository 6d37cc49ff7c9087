import type { CardEngine } from '@/lib/card-data';

/** Both engines side by side with their scores; the one the page mentions is highlighted. */
export function EngineScores({
  engines,
  mentionedEngineId,
}: {
  engines: readonly [CardEngine, CardEngine];
  mentionedEngineId: string | null;
}) {
  const [first, second] = engines;
  return (
    <div className="el-engines" role="group" aria-label="Scores out of 10">
      <EngineTile engine={first} slot={0} mentioned={first.id === mentionedEngineId} />
      <span className="el-vs" aria-hidden="true">
        vs
      </span>
      <EngineTile engine={second} slot={1} mentioned={second.id === mentionedEngineId} />
    </div>
  );
}


function EngineTile({ engine, slot, mentioned }: { engine: CardEngine; slot: 0 | 1; mentioned: boolean }) {
  const score = engine.score;
  return (
    <div className="el-engine" data-engine-slot={slot} data-mentioned={mentioned} data-engine-id={engine.id}>
      {mentioned && (
        <span className="el-mentioned-tag">
          Mentioned<span className="el-visually-hidden"> on this page:</span>
        </span>
      )}
      <span className="el-engine-name">{engine.name}</span>
      <span className="el-engine-line">
        <span className="el-score">
          {score === null ? (
            <span aria-label="no score">—</span>
          ) : (
            <>
              <span className="el-visually-hidden">score </span>
              {score.toFixed(1)}
              <span className="el-score-max">/10</span>
            </>
          )}
        </span>
        <span className="el-score-bar" aria-hidden="true">
          <span style={{ width: `${((score ?? 0) / 10) * 100}%` }} />
        </span>
      </span>
    </div>
  );
}
